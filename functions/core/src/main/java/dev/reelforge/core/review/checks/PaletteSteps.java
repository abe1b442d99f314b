package dev.reelforge.core.review.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Abrupt, lasting shifts of the picture's palette inside a shot, read two ways, because they show differently on a
 * moving and on a still picture:
 * <ul>
 *   <li><b>the median chroma</b> of each frame (U and V over all thumbnail pixels). A moving camera changes where the
 *       colours are on every frame, so the colour layout of a handheld shot changes too much for a re-grade to stand
 *       out from it; the palette as a whole moves slowly, and a re-grade moves it at once and keeps it there. A step
 *       counts when the median of the quarter second after a frame differs from the quarter second before by at
 *       least {@value #MIN_STEP} levels and by {@value #STEADY_RATIO}× the largest frame-to-frame change on either
 *       side;</li>
 *   <li><b>the pixels that hold still</b>. Where the picture is mostly neutral (a screen, a grey set, a night scene)
 *       a re-grade leaves the median on a black or white pixel, but every coloured or mid-grey pixel that holds
 *       still changes its chroma at the same frame and keeps it. A step counts when, of the pixels steady within
 *       {@value #STILL_LEVELS} levels through both quarter seconds (at least {@value #MIN_STILL_SHARE} of the
 *       picture), {@value #MIN_STEPPING_SHARE} or more step by {@value #PIXEL_STEP} levels or more, their steps
 *       agree in direction (the resultant of their unit chroma steps is at least {@value #MIN_AGREEMENT}) and leave
 *       the luma nearly alone (its median step at most {@value #MAX_LUMA_SHARE}× the chroma's). Moving content
 *       changes pixels one after another, and a subject that comes to rest changes a few; an encoder's key frame
 *       nudges flat chroma in all directions; a juddering picture (frames skipped) jumps in luma as much as in
 *       colour.</li>
 * </ul>
 */
final class PaletteSteps {
    static final double SIDE_SECONDS = 0.25;
    static final double MIN_STEP = 6;
    static final double STEADY_RATIO = 5;
    private static final double STEADY_FLOOR = 0.5;
    static final double STILL_LEVELS = 2;
    static final double MIN_STILL_SHARE = 0.2;
    static final double PIXEL_STEP = 4;
    static final double MIN_STEPPING_SHARE = 0.1;
    /** How well the stepping pixels agree on the direction of their chroma change (resultant of unit vectors). */
    static final double MIN_AGREEMENT = 0.6;
    /** The stepping pixels' median luma change at most this share of their chroma change. */
    static final double MAX_LUMA_SHARE = 0.7;

    /**
     * One step: the first frame of the new palette, the step's size (levels), the share of the picture that took it,
     * and how far past its limit it is (1 = at the limit).
     */
    record Step(int frame, double size, double share, double severity) {}

    private PaletteSteps() {}

    /**
     * The steps whose two sides hold no frame of {@code excluded} (cuts, shot boundaries, black and freeze edges) for
     * the median chroma, and none of {@code stillExcluded} (the same without freeze edges) for the pixels that hold
     * still.
     */
    static List<Step> find(FramePictures pictures, double fps, boolean[] excluded, boolean[] stillExcluded) {
        int n = Math.min(excluded.length, pictures.thumbnails().frameCount());
        int side = Math.max(3, (int) Math.round(SIDE_SECONDS * fps));
        double[][] chroma = medianChroma(pictures, n);
        SteadyWindows windows = new SteadyWindows(pictures, side);
        List<Step> steps = new ArrayList<>();
        for (int i = side; i + side <= n; i++) {
            if (anyExcluded(stillExcluded, i - side, i + side)) {
                continue;
            }
            boolean medianReadable = !anyExcluded(excluded, i - side, i + side);
            double step = distance(sideMedian(chroma, i - side, i), sideMedian(chroma, i, i + side));
            double unsteady = Math.max(largestChange(chroma, i - side, i), largestChange(chroma, i, i + side));
            if (medianReadable && step >= MIN_STEP && step >= STEADY_RATIO * Math.max(STEADY_FLOOR, unsteady)) {
                steps.add(new Step(i, step, 1, step / MIN_STEP));
                i += side;
                continue;
            }
            Step still = stillPixelStep(
                    windows.at(i - side), windows.at(i), pictures.thumbnails().pixels(), i);
            if (still != null) {
                steps.add(still);
                i += side;
            }
        }
        return steps;
    }

    /**
     * The step at frame {@code i} of the pixels that hold still on both sides, or null (see the class comment):
     * {@code before} and {@code after} are the windows that end and start at {@code i}.
     */
    private static Step stillPixelStep(SteadyWindows.Window before, SteadyWindows.Window after, int pixels, int i) {
        int still = 0;
        List<double[]> stepping = new ArrayList<>();
        for (int p = 0; p < pixels; p++) {
            if (!before.steady(p) || !after.steady(p)) {
                continue;
            }
            still++;
            double du = after.u(p) - before.u(p);
            double dv = after.v(p) - before.v(p);
            double size = Math.hypot(du, dv);
            if (size >= PIXEL_STEP) {
                stepping.add(new double[] {du / size, dv / size, size, Math.abs(after.y(p) - before.y(p))});
            }
        }
        double share = still == 0 ? 0 : (double) stepping.size() / still;
        if (still < MIN_STILL_SHARE * pixels || share < MIN_STEPPING_SHARE) {
            return null;
        }
        double u = 0;
        double v = 0;
        double[] sizes = new double[stepping.size()];
        double[] lumaSteps = new double[stepping.size()];
        for (int k = 0; k < sizes.length; k++) {
            u += stepping.get(k)[0];
            v += stepping.get(k)[1];
            sizes[k] = stepping.get(k)[2];
            lumaSteps[k] = stepping.get(k)[3];
        }
        double size = SeriesStats.median(sizes, null);
        boolean oneWay = Math.hypot(u, v) / sizes.length >= MIN_AGREEMENT;
        boolean chromaOnly = SeriesStats.median(lumaSteps, null) <= MAX_LUMA_SHARE * size;
        return oneWay && chromaOnly ? new Step(i, size, share, share / MIN_STEPPING_SHARE) : null;
    }

    private static double[][] medianChroma(FramePictures pictures, int n) {
        int pixels = pictures.thumbnails().pixels();
        double[][] chroma = new double[n][2];
        double[] u = new double[pixels];
        double[] v = new double[pixels];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pixels; p++) {
                u[p] = pictures.u(i, p);
                v[p] = pictures.v(i, p);
            }
            chroma[i][0] = pixels == 0 ? Double.NaN : SeriesStats.select(u, pixels / 2);
            chroma[i][1] = pixels == 0 ? Double.NaN : SeriesStats.select(v, pixels / 2);
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
