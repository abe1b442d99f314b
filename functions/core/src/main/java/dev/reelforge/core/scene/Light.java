package dev.reelforge.core.scene;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the key light comes from and how warm it is, so shading and shadows agree with the prompt. */
public record Light(Direction direction, Warmth warmth) {
    /** The key light's side, as seen from the camera. */
    public enum Direction {
        LEFT("left"),
        RIGHT("right"),
        FRONT("front"),
        BACK("back"),
        TOP("top"),
        UNSPECIFIED("unspecified");

        private final String wireName;

        Direction(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /** The light's colour temperature in words. */
    public enum Warmth {
        WARM("warm"),
        NEUTRAL("neutral"),
        COOL("cool"),
        UNSPECIFIED("unspecified");

        private final String wireName;

        Warmth(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
