package dev.reelforge.core.review.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Abrupt, lasting shifts of the picture's palette inside a shot, read on the median chroma of each frame (U and V
 * over all thumbnail pixels). A moving camera changes where the colours are on every frame, so the colour layout of
 * a handheld shot changes too much for a re-grade to stand out from it; the palette as a whole moves slowly, and a
 * re-grade moves it at once and keeps it there. A step counts when the median of the quarter second after a frame
 * differs from the quarter second before by at least {@value #MIN_STEP} levels and by {@value #STEADY_RATIO}× the
 * largest frame-to-frame change on either side.
 */
final class PaletteSteps {
    static final double SIDE_SECONDS = 0.25;
    static final double MIN_STEP = 6;
    static final double STEADY_RATIO = 5;
    private static final double STEADY_FLOOR = 0.5;

    /** One step: the first frame of the new palette and the step's size, levels. */
    record Step(int frame, double size) {}

    private PaletteSteps() {}

    /** The steps whose two sides hold no frame of {@code excluded} (cuts, shot boundaries, black edges). */
    static List<Step> find(FramePictures pictures, double fps, boolean[] excluded) {
        int n = Math.min(excluded.length, pictures.thumbnails().frameCount());
        int side = Math.max(3, (int) Math.round(SIDE_SECONDS * fps));
        double[][] chroma = medianChroma(pictures, n);
        List<Step> steps = new ArrayList<>();
        for (int i = side; i + side <= n; i++) {
            if (anyExcluded(excluded, i - side, i + side)) {
                continue;
            }
            double step = distance(sideMedian(chroma, i - side, i), sideMedian(chroma, i, i + side));
            double unsteady = Math.max(largestChange(chroma, i - side, i), largestChange(chroma, i, i + side));
            if (step >= MIN_STEP && step >= STEADY_RATIO * Math.max(STEADY_FLOOR, unsteady)) {
                steps.add(new Step(i, step));
                i += side;
            }
        }
        return steps;
    }

    private static double[][] medianChroma(FramePictures pictures, int n) {
        int pixels = pictures.thumbnails().pixels();
        double[][] chroma = new double[n][2];
        double[] u = new double[pixels];
        double[] v = new double[pixels];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pixels; p++) {
                double[] yuv = pictures.yuv(i, p);
                u[p] = yuv[1];
                v[p] = yuv[2];
            }
            chroma[i][0] = SeriesStats.median(u, null);
            chroma[i][1] = SeriesStats.median(v, null);
        }
        return chroma;
    }

    private static double[] sideMedian(double[][] chroma, int from, int to) {
        double[] u = new double[to - from];
        double[] v = new double[to - from];
        for (int i = from; i < to; i++) {
            u[i - from] = chroma[i][0];
            v[i - from] = chroma[i][1];
        }
        return new double[] {SeriesStats.median(u, null), SeriesStats.median(v, null)};
    }

    private static double largestChange(double[][] chroma, int from, int to) {
        double largest = 0;
        for (int i = from + 1; i < to; i++) {
            largest = Math.max(largest, distance(chroma[i - 1], chroma[i]));
        }
        return largest;
    }

    private static boolean anyExcluded(boolean[] excluded, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(excluded.length, to); i++) {
            if (excluded[i]) {
                return true;
            }
        }
        return false;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
