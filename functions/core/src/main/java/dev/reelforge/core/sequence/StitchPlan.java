package dev.reelforge.core.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How accepted shots become one clip: each shot's clip in order, joined by a cut or a crossfade of
 * {@link #CROSSFADE_SECONDS}, with the time of every join in the stitched clip. The media side renders it; the
 * stitched clip's review checks that each join sits where the plan put it, within one frame.
 *
 * <pre>{@code
 * StitchPlan stitch = StitchPlan.of(plan.shots(), List.of(5.0, 5.0, 5.0), 24);
 * stitch.joins().get(0).atSeconds(); // 5.0 after a cut, 4.75 (the crossfade's middle) after a dissolve
 * }</pre>
 */
public record StitchPlan(List<Segment> segments, List<Join> joins, double totalSeconds, int fps) {
    /** How long a crossfade overlaps the two shots it joins. */
    public static final double CROSSFADE_SECONDS = 0.5;

    public StitchPlan {
        segments = List.copyOf(segments);
        joins = List.copyOf(joins);
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive: " + fps);
        }
    }

    /**
     * The stitch of shots whose accepted clips last {@code clipSeconds} (as probed, in shot order).
     *
     * @throws IllegalArgumentException when the counts differ, a clip is too short for its crossfade, or the
     *     stitched clip would run past {@link ShotPlan#MAX_SEQUENCE_SECONDS}
     */
    public static StitchPlan of(List<PlannedShot> shots, List<Double> clipSeconds, int fps) {
        if (shots.size() != clipSeconds.size() || shots.isEmpty()) {
            throw new IllegalArgumentException(
                    "one accepted clip per shot: " + shots.size() + " shots, " + clipSeconds.size() + " clips");
        }
        List<Segment> segments = new ArrayList<>();
        List<Join> joins = new ArrayList<>();
        double end = 0;
        for (int i = 0; i < shots.size(); i++) {
            double length = clipSeconds.get(i);
            Transition in = i == 0 ? Transition.CUT : shots.get(i).transitionIn();
            double overlap = in == Transition.CROSSFADE ? CROSSFADE_SECONDS : 0;
            if (overlap > 0 && (length < 2 * overlap || clipSeconds.get(i - 1) < 2 * overlap)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "shot %d's crossfade of %.2f s needs both clips at least %.2f s long",
                        i + 1,
                        overlap,
                        2 * overlap));
            }
            double start = end - overlap;
            if (i > 0) {
                joins.add(new Join(i, i + 1, in, overlap > 0 ? start + overlap / 2 : start, overlap));
            }
            segments.add(new Segment(shots.get(i).index(), start, length));
            end = start + length;
        }
        if (end > ShotPlan.MAX_SEQUENCE_SECONDS + 1e-9) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the stitched clip would run %.2f s, over the %.0f s limit",
                    end,
                    ShotPlan.MAX_SEQUENCE_SECONDS));
        }
        return new StitchPlan(segments, joins, end, fps);
    }

    /** Where one shot's clip starts in the stitched clip, and how long it runs there. */
    public record Segment(int shot, double startSeconds, double seconds) {}

    /**
     * One boundary between shot {@code before} and shot {@code after}.
     *
     * @param atSeconds where the join is: the first frame of the new shot after a cut, the middle of a crossfade
     * @param overlapSeconds how long the two shots overlap (0 for a cut)
     */
    public record Join(int before, int after, Transition transition, double atSeconds, double overlapSeconds) {
        /** The frame the join falls on at {@code fps}. */
        public int frame(int fps) {
            return (int) Math.round(atSeconds * fps);
        }

        /** Whether a boundary seen at {@code seenSeconds} is this join, within one frame at {@code fps}. */
        public boolean matches(double seenSeconds, int fps) {
            return Math.abs(seenSeconds - atSeconds) <= 1.0 / fps + 1e-9;
        }
    }
}
