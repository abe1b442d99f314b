package dev.reelforge.core.media;

/**
 * The visible disclosure label burnt into every rendition, e.g. "AI-GENERATED" in the bottom-right corner. The
 * label is drawn from a built-in pixel font, so it looks the same on every machine.
 *
 * @param label the text (letters, digits and basic punctuation; shown in capitals)
 * @param corner where it sits
 * @param heightFraction label height as a fraction of the rendition's shorter side (0.02–0.2)
 * @param marginFraction gap to the frame edges as a fraction of the shorter side (0–0.2)
 */
public record Watermark(String label, Corner corner, double heightFraction, double marginFraction) {
    public static final Watermark DEFAULT = new Watermark("AI-generated", Corner.BOTTOM_RIGHT, 0.04, 0.03);

    public Watermark {
        if (label == null || label.isBlank() || label.length() > 40) {
            throw new IllegalArgumentException("the watermark needs a label of 1–40 characters");
        }
        if (corner == null
                || heightFraction < 0.02
                || heightFraction > 0.2
                || marginFraction < 0
                || marginFraction > 0.2) {
            throw new IllegalArgumentException(
                    "watermark corner required, height 0.02–0.2 and margin 0–0.2 of the shorter side");
        }
    }

    public enum Corner {
        TOP_LEFT,
        TOP_RIGHT,
        BOTTOM_LEFT,
        BOTTOM_RIGHT;

        public boolean right() {
            return this == TOP_RIGHT || this == BOTTOM_RIGHT;
        }

        public boolean bottom() {
            return this == BOTTOM_LEFT || this == BOTTOM_RIGHT;
        }
    }
}
