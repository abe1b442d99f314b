package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Where the picture changes abruptly, derived from the thumbnails and the per-frame series: hard cuts (the edges of
 * the picture are replaced, and stay replaced: a change of light, a flicker, a flash or a blur onset keeps the
 * edges, see {@link FramePictures}; next to busy footage, where every frame changes its edges, the colour layout
 * jumps with them), look jumps (the colour layout jumps while the edges stay: a palette or
 * lighting change inside a shot), and the frames next to black or frozen stretches, whose jumps belong to those
 * checks. Frames near any of these are "excluded" from the smooth-signal measures (flicker, motion peaks). A cut
 * may start a frozen stretch (a cut to a still picture), so only black edges keep a frame from being a cut.
 */
public record ShotStructure(
        List<Integer> cuts, List<Integer> lookJumps, boolean[] excluded, double[] spike, FramePictures pictures) {
    /** A cut changes the picture's edges by at least this much (unrelated pictures read about 1)… */
    static final double CUT_STRUCTURE = 0.45;
    /** …at least this many times the change between the frames around it (fast motion changes edges too)… */
    static final double CUT_SPIKE = 2.5;
    /**
     * The edges' change around a frame is their upper quartile: a juddering source alternates near-repeats with
     * jumps (an underwater camera's variable frame timing), and the near-repeats would make every jump a spike.
     */
    static final double UPPER_QUARTILE = 0.75;
    /**
     * A cut next to busy footage (a handheld camera, a crowd, a cut from a still scene into a moving one) cannot
     * stand out from its surroundings' edge changes, which replace half a picture every frame. It is still a cut
     * when the edges are all but replaced (unrelated pictures read about 1)…
     */
    static final double CUT_REPLACED = 0.8;
    /**
     * …and the colour layout jumps by at least this many levels, {@value #LOOK_SPIKE}× the change on the calmer side
     * of it: a re-grade or a relight inside a shot moves the colours by less and keeps the edges.
     */
    static final double CUT_LOOK = 30;
    /**
     * …and the picture {@value #SETTLE_FRAMES} frames on still differs by this share of it from the two frames before:
     * a flash, or a single odd frame, comes back.
     */
    static final double CUT_PERSISTS = 0.7;

    static final int SETTLE_FRAMES = 3;
    /** A look jump moves the colour layout by at least this many levels in one frame… */
    static final double LOOK_JUMP = 7;
    /** …this many times the change around it, and stays moved (the same settle rule as cuts)… */
    static final double LOOK_SPIKE = 3;
    /**
     * …and it is a step: the look on either side changes by at most this share of the jump over the settle frames. A
     * handheld or underwater camera changes its colour layout all the time; that is content, not a palette jump.
     */
    static final double STEADY_SIDES = 0.5;
    /** Frames whose edges changed by less than this are repeats (a low-frame-rate source), not evidence of motion. */
    private static final double REPEATED_FRAME = 0.01;

    private static final int NEIGHBOURHOOD = 4;
    private static final double NOISE_FLOOR = 0.5;
    private static final double STRUCTURE_FLOOR = 0.05;
    private static final double LOOK_FLOOR = 0.5;

    public ShotStructure {
        cuts = List.copyOf(cuts);
        lookJumps = List.copyOf(lookJumps);
    }

    public static ShotStructure of(ClipMetrics m) {
        int n = m.frameCount();
        boolean[] nearBlack = new boolean[n];
        markEdges(nearBlack, m.black(), m.fps());
        FramePictures pictures = FramePictures.of(m.thumbnails(), n);
        boolean[] nearEdge = nearBlack.clone();
        markEdges(
                nearEdge,
                m.frozen().stream().filter(f -> mostlyHeld(f, pictures, m)).toList(),
                m.fps());
        double[] spike = new double[n];
        List<Integer> cuts = new ArrayList<>();
        List<Integer> lookJumps = new ArrayList<>();
        boolean[] repeated = new boolean[n];
        for (int i = 1; i < n; i++) {
            repeated[i] = pictures.structureChange[i] < REPEATED_FRAME && pictures.lookChange[i] < 0.2;
        }
        for (int i = 1; i < n; i++) {
            spike[i] = m.motion()[i] / Math.max(NOISE_FLOOR, localMedian(m.motion(), repeated, i));
            if (nearBlack[i]) {
                continue;
            }
            int settled = Math.min(n - 1, i + SETTLE_FRAMES);
            double structure = pictures.structureChange[i];
            boolean structural = structure >= CUT_STRUCTURE
                    && structure
                            >= CUT_SPIKE
                                    * Math.max(
                                            STRUCTURE_FLOOR,
                                            localLevel(pictures.structureChange, repeated, i, UPPER_QUARTILE))
                    && pictures.structureBetween(i - 1, settled) >= CUT_PERSISTS * structure
                    && pictures.structureBetween(Math.max(0, i - 2), settled) >= CUT_PERSISTS * structure;
            double look = pictures.lookChange[i];
            boolean lookJump = look >= LOOK_JUMP
                    && look >= LOOK_SPIKE * Math.max(LOOK_FLOOR, localMedian(pictures.lookChange, repeated, i))
                    && pictures.lookBetween(i - 1, settled) >= CUT_PERSISTS * look
                    && pictures.lookBetween(Math.max(0, i - 1 - SETTLE_FRAMES), i - 1) <= STEADY_SIDES * look
                    && pictures.lookBetween(i, settled) <= STEADY_SIDES * look;
            boolean replaced = structure >= CUT_REPLACED
                    && look >= CUT_LOOK
                    && look >= LOOK_SPIKE * Math.max(LOOK_FLOOR, calmerSide(pictures.lookChange, repeated, i))
                    && pictures.lookBetween(i - 1, settled) >= CUT_PERSISTS * look
                    && pictures.structureBetween(i - 1, settled) >= CUT_PERSISTS * structure;
            if (structural || replaced) {
                cuts.add(i);
            } else if (lookJump) {
                lookJumps.add(i);
            }
        }
        boolean[] excluded = markNear(nearEdge.clone(), cuts, 1);
        if (n > 0) {
            excluded[0] = true;
        }
        return new ShotStructure(cuts, lookJumps, excluded, spike, pictures);
    }

    /** Frames inside a black interval. */
    public static boolean[] blackFrames(ClipMetrics m) {
        boolean[] black = new boolean[m.frameCount()];
        for (int i = 0; i < black.length; i++) {
            double t = m.timeOf(i);
            for (Interval interval : m.black()) {
                black[i] |= interval.contains(t);
            }
        }
        return black;
    }

    /**
     * Whether the thumbnails confirm a freezedetect stretch: most of its frames repeat the one before. At the stats
     * size freezedetect also calls slow, small motion frozen (a mug rocking on its base), whose edges are no jumps.
     */
    private static boolean mostlyHeld(Interval freeze, FramePictures pictures, ClipMetrics m) {
        int from = (int) Math.round(freeze.startSeconds() * m.fps()) + 1;
        int to = Math.min(m.frameCount() - 1, (int) Math.round(freeze.endSeconds() * m.fps()));
        int held = 0;
        for (int i = from; i <= to; i++) {
            held += pictures.held(i) ? 1 : 0;
        }
        return to >= from && held * 2 >= to - from + 1;
    }

    private static void markEdges(boolean[] marks, List<Interval> intervals, double fps) {
        List<Integer> edges = new ArrayList<>();
        for (Interval interval : intervals) {
            edges.add((int) Math.round(interval.startSeconds() * fps));
            edges.add((int) Math.round(interval.endSeconds() * fps));
        }
        markNear(marks, edges, 2);
    }

    /**
     * Sets, in {@code marks}, every frame within {@code radius} of one of {@code frames} (those outside the clip mark
     * what of their reach falls inside it), and returns {@code marks}: the frames next to cuts, shot boundaries or
     * the edges of black and frozen stretches, which every check that skips them asks for.
     */
    static boolean[] markNear(boolean[] marks, Collection<Integer> frames, int radius) {
        for (int frame : frames) {
            for (int k = Math.max(0, frame - radius); k <= Math.min(marks.length - 1, (long) frame + radius); k++) {
                marks[k] = true;
            }
        }
        return marks;
    }

    /**
     * The smaller of the medians of the frames just before and just after frame {@code i} (repeated frames left out):
     * a cut between a still and a busy shot stands out from the still side only.
     */
    private static double calmerSide(double[] values, boolean[] repeated, int i) {
        return Math.min(
                sideMedian(values, repeated, i - NEIGHBOURHOOD, i - 1),
                sideMedian(values, repeated, i + 1, i + NEIGHBOURHOOD));
    }

    private static double sideMedian(double[] values, boolean[] repeated, int from, int to) {
        return quantile(values, repeated, from, to, -1, 0.5);
    }

    /** The median of the neighbours of frame {@code i}, leaving out repeated frames. */
    private static double localMedian(double[] values, boolean[] repeated, int i) {
        return localLevel(values, repeated, i, 0.5);
    }

    /** The {@code quantile} of the neighbours of frame {@code i}, leaving out repeated frames. */
    private static double localLevel(double[] values, boolean[] repeated, int i, double quantile) {
        return quantile(values, repeated, i - NEIGHBOURHOOD, i + NEIGHBOURHOOD, i, quantile);
    }

    /**
     * The {@code quantile} of frames {@code from..to} (within the clip, frame 0 never counts), leaving out repeated
     * frames and frame {@code skip}; 0 when none is left.
     */
    private static double quantile(double[] values, boolean[] repeated, int from, int to, int skip, double quantile) {
        double[] window = new double[Math.max(0, to - from + 1)];
        int count = 0;
        for (int k = Math.max(1, from); k <= Math.min(values.length - 1, to); k++) {
            if (k != skip && !repeated[k]) {
                window[count++] = values[k];
            }
        }
        if (count == 0) {
            return 0;
        }
        double[] used = Arrays.copyOf(window, count);
        Arrays.sort(used);
        return used[Math.min(count - 1, (int) (quantile * count))];
    }
}
