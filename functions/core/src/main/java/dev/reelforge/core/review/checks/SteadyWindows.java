package dev.reelforge.core.review.checks;

import java.util.Arrays;

/**
 * Each thumbnail pixel's mean chroma over a window of frames, and whether its chroma held within
 * {@value PaletteSteps#STILL_LEVELS} levels of that mean throughout: what {@link PaletteSteps} reads on both sides of
 * every candidate step. The window after frame {@code i} is the window before frame {@code i + length}, so each is
 * computed once and kept while a later candidate may still read it. Windows are computed {@value #CHUNK} at a time
 * (or {@code length}, if more), a strip of {@value #STRIP} pixels at a time, so the frames a strip's windows share
 * stay in cache; the sums slide and the extremes come from block prefixes and suffixes, so a window costs a few
 * operations per pixel whatever its length. The mean luma, which only the pixels that step need, is summed for those
 * alone.
 */
final class SteadyWindows {
    static final int CHUNK = 32;
    static final int STRIP = 128;

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
     * The windows of chunk {@code index}, a strip of pixels at a time. The sums slide (one frame in, one out), so a
     * mean can differ from a per-window sum in its last bits. The extremes are exact, by van Herk and Gil–Werman:
     * with the frames cut into blocks of {@code length}, a window's lowest value is the lower of its first frame's
     * block suffix and its last frame's block prefix. A pixel strays furthest from its mean at its lowest or its highest
     * value, so {@code max(high − mean, mean − low)} is its largest deviation.
     */
    private Chunk compute(int index) {
        int pixels = pictures.thumbnails().pixels();
        int first = index * chunk;
        int count = Math.min(chunk, lastFrom - first + 1);
        int span = count + length - 1;
        Chunk c = new Chunk(
                index, first, new double[count * pixels], new double[count * pixels], new boolean[count * pixels]);
        Extremes u = new Extremes(pictures.uPlane(), span);
        Extremes v = new Extremes(pictures.vPlane(), span);
        double[] uSum = new double[STRIP];
        double[] vSum = new double[STRIP];
        double[] uPlane = pictures.uPlane();
        double[] vPlane = pictures.vPlane();
        for (int start = 0; start < pixels; start += STRIP) {
            int width = Math.min(STRIP, pixels - start);
            u.suffixes(first, start, width, pixels, length);
            v.suffixes(first, start, width, pixels, length);
            Arrays.fill(uSum, 0);
            Arrays.fill(vSum, 0);
            for (int i = first; i < first + length; i++) {
                int base = i * pixels + start;
                for (int p = 0; p < width; p++) {
                    uSum[p] += uPlane[base + p];
                    vSum[p] += vPlane[base + p];
                }
            }
            for (int w = 0; w < count; w++) {
                int from = first + w;
                if (w > 0) {
                    int in = (from + length - 1) * pixels + start;
                    int outgoing = (from - 1) * pixels + start;
                    for (int p = 0; p < width; p++) {
                        uSum[p] += uPlane[in + p] - uPlane[outgoing + p];
                        vSum[p] += vPlane[in + p] - vPlane[outgoing + p];
                    }
                }
                u.prefixes(w + length - 1, start, width, pixels, length, first);
                v.prefixes(w + length - 1, start, width, pixels, length, first);
                int out = w * pixels + start;
                int suffixRow = w * STRIP;
                for (int p = 0; p < width; p++) {
                    double um = uSum[p] / length;
                    double vm = vSum[p] / length;
                    c.u[out + p] = um;
                    c.v[out + p] = vm;
                    double uLow = Math.min(u.suffixLow[suffixRow + p], u.prefixLow[p]);
                    double uHigh = Math.max(u.suffixHigh[suffixRow + p], u.prefixHigh[p]);
                    double vLow = Math.min(v.suffixLow[suffixRow + p], v.prefixLow[p]);
                    double vHigh = Math.max(v.suffixHigh[suffixRow + p], v.prefixHigh[p]);
                    double strayed = Math.max(Math.max(uHigh - um, um - uLow), Math.max(vHigh - vm, vm - vLow));
                    c.steady[out + p] = strayed <= PaletteSteps.STILL_LEVELS;
                }
            }
        }
        return c;
    }

    /**
     * One plane's block-wise extremes over a chunk's frames, for one strip: the suffix lowest and highest of every
     * frame within its block of {@code length} frames (blocks start at the chunk's first frame), and the running
     * prefix of the block that holds the latest window's last frame.
     */
    private static final class Extremes {
        private final double[] plane;
        final double[] suffixLow;
        final double[] suffixHigh;
        final double[] prefixLow = new double[STRIP];
        final double[] prefixHigh = new double[STRIP];

        Extremes(double[] plane, int span) {
            this.plane = plane;
            this.suffixLow = new double[span * STRIP];
            this.suffixHigh = new double[span * STRIP];
        }

        void suffixes(int first, int start, int width, int pixels, int length) {
            int span = suffixLow.length / STRIP;
            for (int k = span - 1; k >= 0; k--) {
                int base = (first + k) * pixels + start;
                int row = k * STRIP;
                boolean blockEnd = (k + 1) % length == 0 || k == span - 1;
                for (int p = 0; p < width; p++) {
                    double x = plane[base + p];
                    suffixLow[row + p] = blockEnd ? x : Math.min(x, suffixLow[row + STRIP + p]);
                    suffixHigh[row + p] = blockEnd ? x : Math.max(x, suffixHigh[row + STRIP + p]);
                }
            }
        }

        /**
         * Advances the prefix to frame {@code k} of the chunk (called for k = length − 1, length, … in turn): the
         * first call and every block start take the block's prefix from its first frame.
         */
        void prefixes(int k, int start, int width, int pixels, int length, int first) {
            int blockStart = k / length * length;
            int from = k == length - 1 || k == blockStart ? blockStart : k;
            for (int f = from; f <= k; f++) {
                int base = (first + f) * pixels + start;
                boolean reset = f == blockStart;
                for (int p = 0; p < width; p++) {
                    double x = plane[base + p];
                    prefixLow[p] = reset ? x : Math.min(x, prefixLow[p]);
                    prefixHigh[p] = reset ? x : Math.max(x, prefixHigh[p]);
                }
            }
        }
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
