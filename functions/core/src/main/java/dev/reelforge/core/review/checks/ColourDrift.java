package dev.reelforge.core.review.checks;

import static dev.reelforge.core.review.checks.PictureChecks.check;
import static dev.reelforge.core.review.checks.PictureChecks.fmt;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk of the picture's colour through the clip, summed over its shots (a grade that drifts keeps drifting
 * across a cut, while the step at a cut is content), measured on what stays put: every quarter second, each
 * thumbnail pixel's change in (Y, U, V) against the same scene point a quarter second later; their per-channel
 * median is the global colour change, which a subject crossing the frame (a minority of pixels) does not move.
 *
 * <p>The scene point is found by motion compensation: the whole picture's shift between the two frames (whole
 * thumbnail pixels, up to {@value #SEARCH_SHARE} of the short side) that best explains the luma, once the mean
 * change is taken out, so that a global colour change does not pull the match. A locked-off shot keeps the zero
 * shift; a pan or a handheld camera is followed. Steps where too few pixels agree with the median even then (a
 * crowd, a swirling or juddering picture) are not measurable. The drift is the distance between the farthest points
 * of the summed path, scaled by all steps over the measured ones: a grade walks on while the camera moves, so the
 * walk is estimated as if the unmeasured steps had gone at the measured pace. Not applicable when no shot lasts a
 * second or fewer than {@value #MEASURABLE_SHARE} of the steps could be measured.
 */
final class ColourDrift {
    private static final double STEP_SECONDS = 0.25;
    private static final double MIN_SHOT_SECONDS = 1.0;
    /** Levels within which a pixel's change agrees with the global one (noise and compression stay inside). */
    static final double AGREEMENT = 4;
    /** The share of pixels that must agree for a step to be measurable. */
    static final double AGREEING_PIXELS = 0.35;
    /** The share of a clip's steps that must be measurable for the check to apply. */
    static final double MEASURABLE_SHARE = 0.5;
    /** How far the motion search reaches, as a share of the thumbnails' short side. */
    static final double SEARCH_SHARE = 0.08;

    private ColourDrift() {}

    static Check evaluate(ClipMetrics m, ShotStructure shots, List<Integer> boundaryFrames, ReviewThresholds t) {
        boolean[] black = ShotStructure.blackFrames(m);
        List<Integer> edges = new ArrayList<>(boundaryFrames);
        edges.addAll(shots.cuts());
        edges.add(0);
        edges.add(m.frameCount());
        List<Integer> sorted = edges.stream().distinct().sorted().toList();
        int step = Math.max(1, (int) Math.round(STEP_SECONDS * m.fps()));
        double[] path = new double[3];
        double[] lo = new double[3];
        double[] hi = new double[3];
        int steps = 0;
        int measured = 0;
        boolean longShot = false;
        for (int s = 0; s + 1 < sorted.size(); s++) {
            int from = sorted.get(s) + 1;
            int to = Math.min(
                    sorted.get(s + 1) - 2, shots.pictures().thumbnails().frameCount() - 1);
            longShot |= (to - from) / m.fps() >= MIN_SHOT_SECONDS;
            for (int a = from; a + step <= to; a += step) {
                steps++;
                double[] change =
                        black[a] || black[a + step] ? null : globalColourChange(shots.pictures(), a, a + step);
                if (change == null) {
                    continue;
                }
                measured++;
                for (int c = 0; c < 3; c++) {
                    path[c] += change[c];
                    lo[c] = Math.min(lo[c], path[c]);
                    hi[c] = Math.max(hi[c], path[c]);
                }
            }
        }
        double worst =
                Math.sqrt(sq(hi[0] - lo[0]) + sq(hi[1] - lo[1]) + sq(hi[2] - lo[2])) * steps / Math.max(1, measured);
        if (!longShot || steps == 0 || measured < MEASURABLE_SHARE * steps) {
            return Check.notApplicable(
                    "colour-drift",
                    t.colourDrift(),
                    "YUV levels",
                    !longShot || steps == 0
                            ? "no shot of at least a second to follow"
                            : fmt(
                                    "the picture moves too much to follow its colour (%d of %d steps measurable)",
                                    measured, steps));
        }
        return check(
                "colour-drift",
                worst <= t.colourDrift(),
                worst,
                t.colourDrift(),
                "YUV levels",
                fmt(
                        "colour/brightness walk of %.1f levels, summed over the shots (the cuts' own steps are content, not drift; "
                                + "%s)",
                        worst,
                        measured == steps
                                ? fmt("all %d steps measured", steps)
                                : fmt("%d of %d steps measurable, the rest taken at their pace", measured, steps)),
                "keep exposure and white balance constant within each shot");
    }

    /**
     * The median per-pixel change of (Y, U, V) from frame {@code a} to frame {@code b}, pixel against the same scene
     * point under the best whole-picture shift, or null when fewer than {@value #AGREEING_PIXELS} of the overlapping
     * pixels agree with it within {@value #AGREEMENT} levels.
     */
    static double[] globalColourChange(FramePictures pictures, int a, int b) {
        int w = pictures.thumbnails().width();
        int h = pictures.thumbnails().height();
        if (w * h == 0) {
            return null;
        }
        int[] shift = bestShift(pictures, a, b, w, h);
        int dx = shift[0];
        int dy = shift[1];
        int overlap = (w - Math.abs(dx)) * (h - Math.abs(dy));
        double[][] diffs = new double[3][overlap];
        int k = 0;
        for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
            for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                int before = y * w + x;
                int after = (y + dy) * w + x + dx;
                diffs[0][k] = pictures.y(b, after) - pictures.y(a, before);
                diffs[1][k] = pictures.u(b, after) - pictures.u(a, before);
                diffs[2][k] = pictures.v(b, after) - pictures.v(a, before);
                k++;
            }
        }
        double[] median = new double[3];
        for (int c = 0; c < 3; c++) {
            median[c] = SeriesStats.median(diffs[c], null);
        }
        int agreeing = 0;
        for (int p = 0; p < overlap; p++) {
            boolean agrees = true;
            for (int c = 0; c < 3 && agrees; c++) {
                agrees = Math.abs(diffs[c][p] - median[c]) <= AGREEMENT;
            }
            agreeing += agrees ? 1 : 0;
        }
        return agreeing < AGREEING_PIXELS * overlap ? null : median;
    }

    /**
     * The shift (dx, dy) of frame {@code b} against frame {@code a} with the least mean absolute luma difference once
     * the mean difference is removed; the zero shift wins ties, so a still picture is compared in place.
     */
    private static int[] bestShift(FramePictures pictures, int a, int b, int w, int h) {
        int reach = (int) Math.round(SEARCH_SHARE * Math.min(w, h));
        int[] best = {0, 0};
        double bestCost = cost(pictures, a, b, w, h, 0, 0, Double.POSITIVE_INFINITY);
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                if (dx == 0 && dy == 0) {
                    continue;
                }
                double c = cost(pictures, a, b, w, h, dx, dy, bestCost);
                if (c < bestCost) {
                    bestCost = c;
                    best = new int[] {dx, dy};
                }
            }
        }
        return best;
    }

    /**
     * The mean absolute deviation of the shifted luma difference from its mean, or, once the rows summed so far
     * already reach {@code enough} (the best cost so far: the sum only grows), that partial value, which loses to it
     * all the same.
     */
    private static double cost(FramePictures pictures, int a, int b, int w, int h, int dx, int dy, double enough) {
        int x0 = Math.max(0, -dx);
        int x1 = Math.min(w, w - dx);
        int y0 = Math.max(0, -dy);
        int y1 = Math.min(h, h - dy);
        double sum = 0;
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += pictures.y(b, (y + dy) * w + x + dx) - pictures.y(a, y * w + x);
                count++;
            }
        }
        double mean = sum / count;
        double deviation = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                deviation += Math.abs(pictures.y(b, (y + dy) * w + x + dx) - pictures.y(a, y * w + x) - mean);
            }
            if (deviation / count >= enough) {
                break;
            }
        }
        return deviation / count;
    }

    private static double sq(double v) {
        return v * v;
    }
}
