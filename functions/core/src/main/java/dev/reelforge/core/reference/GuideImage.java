package dev.reelforge.core.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One of a request's images beyond {@code referenceImage} once Validate has checked and stored it: the clip's last
 * frame, or an asset or style reference. The job ticket carries these so Submit can hand them to the adapter without
 * reading the request's keys again.
 *
 * @param image the stored copies; {@code fittedKey} is the copy to send (the original for a reference, which is
 *     not fitted)
 */
public record GuideImage(Role role, ReferenceImage image) {

    /** What the image is to the clip, with its wire name. */
    public enum Role {
        LAST_FRAME("last-frame"),
        ASSET("asset"),
        STYLE("style");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Role fromWire(String wire) {
            for (Role r : values()) {
                if (r.label.equals(wire)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unsupported guide image role " + wire);
        }
    }
}
