package dev.reelforge.core.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stitched clip's review at its joins: each join must be the cut or the crossfade the stitch planned, at its
 * boundary within one frame, with continuity across it. The media side measures, per stitched frame around a join,
 * how much of the picture is the next shot ({@code alpha}: 0 the shot before, 1 the shot after, by least squares
 * against both shots' own frames, so a grade or a gain does not move it), and the colour distance between the
 * last frame before the transition and the first after it. Where the two shots' frames agree (a chained shot opens
 * on its predecessor's last frame) alpha cannot be told and the frame is left out; a join whose every frame is
 * like that is seamless by construction and passes on continuity alone. Pure.
 */
public final class JoinReview {
    /** Mean Y/U/V distance across a join that still reads as one scene (a chained join measures a few levels). */
    public static final double CONTINUITY_LEVELS = 20;

    /** Frames the transition may sit off its planned boundary. */
    public static final int TOLERANCE_FRAMES = 1;

    private JoinReview() {}

    /**
     * One join as measured.
     *
     * @param index 1-based join number (join 1 is between shots 1 and 2)
     * @param firstFrame the stitched frame {@code alpha[0]} belongs to
     * @param alpha per frame, the share of the next shot; NaN where it cannot be told
     * @param continuityLevels mean Y/U/V distance between the frames either side of the transition
     */
    public record Measured(int index, int firstFrame, double[] alpha, double continuityLevels) {}

    /** A join's verdict, with what was seen (-1 where nothing could be), for the media result and failure message. */
    public record Result(
            int index,
            String transition,
            int plannedStartFrame,
            int plannedEndFrame,
            double seenStartFrame,
            double seenEndFrame,
            double continuityLevels,
            boolean passed,
            String detail) {}

    /**
     * @param plannedStart the first frame of the transition (a cut's first frame of the new shot)
     * @param plannedEnd the frame where the next shot is whole (a cut's too)
     */
    public static Result judge(StitchPlan.Join join, int fps, Measured measured) {
        boolean crossfade = join.overlapSeconds() > 0;
        int plannedStart = (int) Math.round((join.atSeconds() - join.overlapSeconds() / 2) * fps);
        int plannedEnd = (int) Math.round((join.atSeconds() + join.overlapSeconds() / 2) * fps);
        List<double[]> ramp = new ArrayList<>();
        int told = 0;
        for (int k = 0; k < measured.alpha().length; k++) {
            double a = measured.alpha()[k];
            if (Double.isNaN(a)) {
                continue;
            }
            told++;
            if (a > 0.05 && a < 0.95) {
                ramp.add(new double[] {measured.firstFrame() + k, a});
            }
        }
        String name = crossfade ? "crossfade" : "cut";
        boolean continuous = measured.continuityLevels() <= CONTINUITY_LEVELS;
        String across = String.format(
                Locale.ROOT, "%.1f levels across it (limit %.0f)", measured.continuityLevels(), CONTINUITY_LEVELS);
        if (told == 0) {
            return new Result(
                    measured.index(),
                    name,
                    plannedStart,
                    plannedEnd,
                    -1,
                    -1,
                    measured.continuityLevels(),
                    continuous,
                    String.format(
                            Locale.ROOT,
                            "join %d: the two shots agree over the %s (seamless); %s",
                            measured.index(),
                            name,
                            across));
        }
        double[] seen = crossfade ? rampEnds(ramp, measured) : stepAt(measured);
        if (Double.isNaN(seen[0])) {
            seen = new double[] {-1, -1};
        }
        boolean placed = seen[0] >= 0
                && Math.abs(seen[0] - plannedStart) <= TOLERANCE_FRAMES + 1e-9
                && Math.abs(seen[1] - plannedEnd) <= TOLERANCE_FRAMES + 1e-9;
        String detail = String.format(
                Locale.ROOT,
                "join %d (shot %d → %d): %s planned over frames %d–%d, seen over %.1f–%.1f; %s",
                measured.index(),
                join.before(),
                join.after(),
                name,
                plannedStart,
                plannedEnd,
                seen[0],
                seen[1],
                across);
        return new Result(
                measured.index(),
                name,
                plannedStart,
                plannedEnd,
                seen[0],
                seen[1],
                measured.continuityLevels(),
                placed && continuous,
                detail);
    }

    /** Where a straight line through the ramp's frames crosses 0 and 1. */
    private static double[] rampEnds(List<double[]> ramp, Measured measured) {
        if (ramp.size() < 2) {
            double[] step = stepAt(measured);
            return step;
        }
        double n = ramp.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : ramp) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        if (!(slope > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {-intercept / slope, (1 - intercept) / slope};
    }

    /** The first frame that is mostly the next shot, for a cut: the picture steps there. */
    private static double[] stepAt(Measured measured) {
        for (int k = 0; k < measured.alpha().length; k++) {
            if (measured.alpha()[k] >= 0.5) {
                double frame = measured.firstFrame() + k;
                return new double[] {frame, frame};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
