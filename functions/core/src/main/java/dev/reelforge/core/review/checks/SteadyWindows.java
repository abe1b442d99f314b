package dev.reelforge.core.review.checks;

/**
 * Each thumbnail pixel's mean chroma over a window of frames, and whether its chroma held within
 * {@value PaletteSteps#STILL_LEVELS} levels of that mean throughout: what {@link PaletteSteps} reads on both sides of
 * every candidate step. The window after frame {@code i} is the window before frame {@code i + length}, so each is
 * computed once and kept while a later candidate may still read it. Windows are computed {@value #CHUNK} at a time
 * (or {@code length}, if more), a strip of {@value #STRIP} pixels at a time, so the frames a strip's windows share
 * stay in cache; each pixel's sum still runs frame by frame from the window's first, so the means are the ones a
 * per-window loop gives, to the bit. The mean luma, which only the pixels that step need, is summed for those alone.
 */
final class SteadyWindows {
    static final int CHUNK = 32;
    static final int STRIP = 256;

    private final FramePictures pictures;
    private final int length;
    private final int chunk;
    private final int lastFrom;
    /** The two most recent chunks, by chunk index modulo two: a step's two windows lie in one chunk or in two adjacent. */
    private final Chunk[] recent = new Chunk[2];

    SteadyWindows(FramePictures pictures, int length) {
        this.pictures = pictures;
        this.length = length;
        this.chunk = Math.max(CHUNK, length);
        this.lastFrom = pictures.thumbnails().frameCount() - length;
    }

    /** The window of frames {@code from} to {@code from + length} (exclusive). */
    Window at(int from) {
        if (from < 0 || from > lastFrom) {
            throw new IndexOutOfBoundsException("no window of " + length + " thumbnails from frame " + from);
        }
        int index = from / chunk;
        Chunk c = recent[index % 2];
        if (c == null || c.index != index) {
            c = compute(index);
            recent[index % 2] = c;
        }
        return new Window(from, c, (from - c.first) * pictures.thumbnails().pixels());
    }

    /**
     * The windows of chunk {@code index}. A pixel strays furthest from its mean at its lowest or its highest value (a
     * difference with the mean rises with the value, in floating point too), so {@code max(high − mean, mean − low)}
     * is its largest deviation to the bit, found in the same pass as the sum.
     */
    private Chunk compute(int index) {
        int pixels = pictures.thumbnails().pixels();
        double[] uPlane = pictures.uPlane();
        double[] vPlane = pictures.vPlane();
        int first = index * chunk;
        int count = Math.min(chunk, lastFrom - first + 1);
        Chunk c = new Chunk(
                index, first, new double[count * pixels], new double[count * pixels], new boolean[count * pixels]);
        double[] uLow = new double[STRIP];
        double[] uHigh = new double[STRIP];
        double[] vLow = new double[STRIP];
        double[] vHigh = new double[STRIP];
        for (int start = 0; start < pixels; start += STRIP) {
            int width = Math.min(STRIP, pixels - start);
            for (int w = 0; w < count; w++) {
                int out = w * pixels + start;
                int from = first + w;
                System.arraycopy(uPlane, from * pixels + start, uLow, 0, width);
                System.arraycopy(uPlane, from * pixels + start, uHigh, 0, width);
                System.arraycopy(vPlane, from * pixels + start, vLow, 0, width);
                System.arraycopy(vPlane, from * pixels + start, vHigh, 0, width);
                for (int i = from; i < from + length; i++) {
                    int base = i * pixels + start;
                    for (int p = 0; p < width; p++) {
                        double pu = uPlane[base + p];
                        double pv = vPlane[base + p];
                        c.u[out + p] += pu;
                        c.v[out + p] += pv;
                        uLow[p] = Math.min(uLow[p], pu);
                        uHigh[p] = Math.max(uHigh[p], pu);
                        vLow[p] = Math.min(vLow[p], pv);
                        vHigh[p] = Math.max(vHigh[p], pv);
                    }
                }
                for (int p = 0; p < width; p++) {
                    double u = c.u[out + p] / length;
                    double v = c.v[out + p] / length;
                    c.u[out + p] = u;
                    c.v[out + p] = v;
                    double strayed = Math.max(Math.max(uHigh[p] - u, u - uLow[p]), Math.max(vHigh[p] - v, v - vLow[p]));
                    c.steady[out + p] = strayed <= PaletteSteps.STILL_LEVELS;
                }
            }
        }
        return c;
    }

    /** Consecutive windows' per-pixel mean chroma and steadiness, window after window. */
    private record Chunk(int index, int first, double[] u, double[] v, boolean[] steady) {}

    /** One window's per-pixel mean chroma and steadiness. */
    final class Window {
        private final int from;
        private final Chunk chunk;
        private final int offset;

        private Window(int from, Chunk chunk, int offset) {
            this.from = from;
            this.chunk = chunk;
            this.offset = offset;
        }

        /** Pixel {@code p}'s mean luma over the window. */
        double y(int p) {
            double y = 0;
            for (int i = from; i < from + length; i++) {
                y += pictures.y(i, p);
            }
            return y / length;
        }

        double u(int p) {
            return chunk.u[offset + p];
        }

        double v(int p) {
            return chunk.v[offset + p];
        }

        boolean steady(int p) {
            return chunk.steady[offset + p];
        }
    }
}
