package dev.reelforge.core.scene;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the camera moves, how steady it is and its lens ({@code lensMm} null when the prompt names none): a
 * "locked-off tripod, 35 mm" is {@link Move#STATIC}, {@link Stability#LOCKED_OFF}, 35.
 */
public record Camera(Move move, Stability stability, Double lensMm) {
    /** The camera's move over the clip. */
    public enum Move {
        STATIC("static"),
        DOLLY_IN("dolly-in"),
        DOLLY_OUT("dolly-out"),
        PAN("pan"),
        TILT("tilt"),
        ORBIT("orbit"),
        TRACKING("tracking"),
        CRANE("crane"),
        ZOOM("zoom"),
        UNSPECIFIED("unspecified");

        private final String wireName;

        Move(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /** How steady the frame is. */
    public enum Stability {
        LOCKED_OFF("locked-off"),
        STABILISED("stabilised"),
        HANDHELD("handheld"),
        UNSPECIFIED("unspecified");

        private final String wireName;

        Stability(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
