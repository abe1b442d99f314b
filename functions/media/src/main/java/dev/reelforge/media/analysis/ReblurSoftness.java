package dev.reelforge.media.analysis;

/**
 * How soft a grey picture is, by how little it changes when it is blurred again (Crête, Dolmière, Ladret and
 * Nicolas, "The blur effect: perception and estimation with a new no-reference perceptual blur metric", SPIE 2007):
 * the neighbour differences of a sharp picture fall a lot under a 9-pixel box blur, those of a picture that is
 * already soft hardly at all. The value runs from 0 (sharp) to 1 (as soft as the box), the worse of the two axes.
 *
 * <p>Blurdetect's edge width, read in the sharpest blocks, misses a defocus of soft, noisy footage: the grain and
 * the coding noise that survive a blur still make narrow edges there. This measure weighs every difference by its
 * size, so a few narrow, faint edges do not hold it down.
 */
final class ReblurSoftness {
    static final int BOX = 9;
    /** Mean neighbour difference (levels) below which a picture has nothing to blur: a black or flat frame. */
    private static final double FLAT = 0.5;

    private ReblurSoftness() {}

    /**
     * The softness of the {@code width × height} 8-bit grey picture at {@code offset} in {@code pixels}, or NaN for a
     * flat picture (nothing to measure) or one smaller than twice the box.
     */
    static double of(byte[] pixels, int offset, int width, int height) {
        if (width < 2 * BOX || height < 2 * BOX) {
            return Double.NaN;
        }
        double horizontal = axis(pixels, offset, width, height, 1, width);
        double vertical = axis(pixels, offset, width, height, width, 1);
        if (Double.isNaN(horizontal) || Double.isNaN(vertical)) {
            return Double.NaN;
        }
        return Math.max(horizontal, vertical);
    }

    /**
     * One axis: {@code step} is the stride along it, {@code across} the stride across it. The box blur runs along
     * the axis as a running sum; a margin of the box's width is left out at both ends.
     */
    private static double axis(byte[] p, int offset, int width, int height, int step, int across) {
        int along = step == 1 ? width : height;
        int lines = step == 1 ? height : width;
        int half = BOX / 2;
        double original = 0;
        double lost = 0;
        double[] blurred = new double[along];
        for (int line = 0; line < lines; line++) {
            int base = offset + line * across;
            int sum = 0;
            for (int i = 0; i < BOX; i++) {
                sum += p[base + i * step] & 0xff;
            }
            for (int i = half; i < along - half; i++) {
                blurred[i] = sum / (double) BOX;
                if (i + half + 1 < along) {
                    sum += (p[base + (i + half + 1) * step] & 0xff) - (p[base + (i - half) * step] & 0xff);
                }
            }
            for (int i = BOX; i < along - BOX; i++) {
                double d = Math.abs((p[base + i * step] & 0xff) - (p[base + (i - 1) * step] & 0xff));
                double db = Math.abs(blurred[i] - blurred[i - 1]);
                original += d;
                lost += Math.max(0, d - db);
            }
        }
        double count = (double) lines * (along - 2 * BOX);
        return original / count < FLAT ? Double.NaN : (original - lost) / original;
    }
}
