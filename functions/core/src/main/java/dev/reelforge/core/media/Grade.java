package dev.reelforge.core.media;

/**
 * The colour grade applied once to the whole clip: FFmpeg {@code eq} values and an optional {@code .cube} 3D LUT.
 * Generators tend to over-saturate, so the default pulls saturation down slightly and leaves the rest neutral.
 *
 * @param saturation 0–3, 1 = unchanged
 * @param contrast 0–3 (FFmpeg allows −1000–1000; beyond 0–3 is never a grade), 1 = unchanged
 * @param brightness −1–1, 0 = unchanged
 * @param lutKey clip-store key of a {@code .cube} file, or empty for none
 */
public record Grade(double saturation, double contrast, double brightness, String lutKey) {
    public static final Grade DEFAULT = new Grade(0.92, 1.0, 0.0, "");

    public Grade {
        if (saturation < 0 || saturation > 3 || contrast < 0 || contrast > 3 || brightness < -1 || brightness > 1) {
            throw new IllegalArgumentException("grade out of range: saturation and contrast 0–3, brightness −1–1, got "
                    + saturation + "/" + contrast + "/" + brightness);
        }
        lutKey = lutKey == null ? "" : lutKey;
        if (!lutKey.isEmpty() && !lutKey.endsWith(".cube")) {
            throw new IllegalArgumentException("the grade's LUT must be a .cube file, got " + lutKey);
        }
    }

    public boolean hasLut() {
        return !lutKey.isEmpty();
    }
}
