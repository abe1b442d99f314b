package dev.reelforge.core.review.checks;

/**
 * Each thumbnail pixel's mean chroma over a window of frames, and whether its chroma held within
 * {@value PaletteSteps#STILL_LEVELS} levels of that mean throughout: what {@link PaletteSteps} reads on both sides of
 * every candidate step. The window after frame {@code i} is the window before frame {@code i + length}, so each is
 * computed once, over all pixels at a time (frame by frame, in the order a per-pixel loop sums them, so the means
 * are the same to the bit), and kept while a later candidate may still read it. The mean luma, which only the
 * pixels that step need, is summed for those alone.
 */
final class SteadyWindows {
    private final FramePictures pictures;
    private final int length;
    private final Window[] recent;

    SteadyWindows(FramePictures pictures, int length) {
        this.pictures = pictures;
        this.length = length;
        this.recent = new Window[length + 1];
    }

    /** The window of frames {@code from} to {@code from + length} (exclusive). */
    Window at(int from) {
        int slot = from % recent.length;
        Window window = recent[slot];
        if (window == null || window.from != from) {
            window = compute(from);
            recent[slot] = window;
        }
        return window;
    }

    private Window compute(int from) {
        int pixels = pictures.thumbnails().pixels();
        double[] uPlane = pictures.uPlane();
        double[] vPlane = pictures.vPlane();
        double[] u = new double[pixels];
        double[] v = new double[pixels];
        for (int i = from; i < from + length; i++) {
            int base = i * pixels;
            for (int p = 0; p < pixels; p++) {
                u[p] += uPlane[base + p];
                v[p] += vPlane[base + p];
            }
        }
        for (int p = 0; p < pixels; p++) {
            u[p] /= length;
            v[p] /= length;
        }
        double[] strayed = new double[pixels];
        for (int i = from; i < from + length; i++) {
            int base = i * pixels;
            for (int p = 0; p < pixels; p++) {
                strayed[p] = Math.max(
                        strayed[p], Math.max(Math.abs(uPlane[base + p] - u[p]), Math.abs(vPlane[base + p] - v[p])));
            }
        }
        boolean[] steady = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            steady[p] = strayed[p] <= PaletteSteps.STILL_LEVELS;
        }
        return new Window(from, u, v, steady);
    }

    /** One window's per-pixel mean chroma and steadiness. */
    final class Window {
        private final int from;
        private final double[] u;
        private final double[] v;
        private final boolean[] steady;

        private Window(int from, double[] u, double[] v, boolean[] steady) {
            this.from = from;
            this.u = u;
            this.v = v;
            this.steady = steady;
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
            return u[p];
        }

        double v(int p) {
            return v[p];
        }

        boolean steady(int p) {
            return steady[p];
        }
    }
}
