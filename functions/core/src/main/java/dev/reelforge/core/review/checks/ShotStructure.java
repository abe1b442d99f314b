package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the picture changes abruptly, derived from the per-frame series: hard cuts (a one-frame spike in motion
 * energy that a global brightness change does not explain — so flicker and fades are not cuts), and the frames
 * next to black or frozen stretches, whose jumps belong to those checks. Frames near any of these are
 * "excluded" from the smooth-signal measures (flicker, motion peaks).
 */
public record ShotStructure(List<Integer> cuts, boolean[] excluded, double[] spike) {
    /** A cut's motion must exceed its neighbourhood's median by this factor… */
    static final double CUT_SPIKE = 4;
    /** …and either exceed the brightness change by this many luma levels… */
    static final double CUT_RESIDUAL = 3;
    /**
     * …or shift the mean colour by this many levels beyond what the brightness change predicts. A change of light is
     * a gain: luma and both chroma means scale around their neutral points by the same factor, so a flicker moves
     * the colour only by that factor (at most 8 levels on the corpus, where clipping bends it), while a cut to a
     * differently lit or coloured shot moves it freely (at least 33 levels on the corpus).
     */
    static final double CUT_COLOUR_SHIFT = 20;
    private static final double LUMA_BLACK = 16;
    private static final double CHROMA_NEUTRAL = 128;
    private static final int NEIGHBOURHOOD = 4;
    private static final double NOISE_FLOOR = 0.5;

    public ShotStructure {
        cuts = List.copyOf(cuts);
    }

    public static ShotStructure of(ClipMetrics m) {
        int n = m.frameCount();
        boolean[] nearEdge = new boolean[n];
        markEdges(nearEdge, m.black(), m.fps());
        markEdges(nearEdge, m.frozen(), m.fps());
        double[] spike = new double[n];
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            spike[i] = m.motion()[i] / Math.max(NOISE_FLOOR, localMedian(m.motion(), i));
            double residual = m.motion()[i] - Math.abs(m.luma()[i] - m.luma()[i - 1]);
            boolean unexplained = residual >= CUT_RESIDUAL || colourShiftBeyondGain(m, i) >= CUT_COLOUR_SHIFT;
            if (!nearEdge[i] && spike[i] >= CUT_SPIKE && unexplained) {
                cuts.add(i);
            }
        }
        boolean[] excluded = nearEdge.clone();
        for (int cut : cuts) {
            for (int k = cut - 1; k <= cut + 1; k++) {
                if (k >= 0 && k < n) {
                    excluded[k] = true;
                }
            }
        }
        if (n > 0) {
            excluded[0] = true;
        }
        return new ShotStructure(cuts, excluded, spike);
    }

    /**
     * How far the mean chroma of frame {@code i} is from the previous frame's scaled by the luma's gain (limited
     * range: black at 16, neutral chroma at 128), in levels of U plus V.
     */
    static double colourShiftBeyondGain(ClipMetrics m, int i) {
        double gain = (m.luma()[i] - LUMA_BLACK) / Math.max(1, m.luma()[i - 1] - LUMA_BLACK);
        double u = (m.chromaU()[i] - CHROMA_NEUTRAL) - gain * (m.chromaU()[i - 1] - CHROMA_NEUTRAL);
        double v = (m.chromaV()[i] - CHROMA_NEUTRAL) - gain * (m.chromaV()[i - 1] - CHROMA_NEUTRAL);
        return Math.abs(u) + Math.abs(v);
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

    private static void markEdges(boolean[] marks, List<Interval> intervals, double fps) {
        for (Interval interval : intervals) {
            for (double edge : new double[] {interval.startSeconds(), interval.endSeconds()}) {
                int frame = (int) Math.round(edge * fps);
                for (int k = frame - 2; k <= frame + 2; k++) {
                    if (k >= 0 && k < marks.length) {
                        marks[k] = true;
                    }
                }
            }
        }
    }

    private static double localMedian(double[] values, int i) {
        double[] window = new double[2 * NEIGHBOURHOOD];
        int count = 0;
        for (int k = i - NEIGHBOURHOOD; k <= i + NEIGHBOURHOOD; k++) {
            if (k != i && k >= 1 && k < values.length) {
                window[count++] = values[k];
            }
        }
        if (count == 0) {
            return 0;
        }
        double[] used = Arrays.copyOf(window, count);
        Arrays.sort(used);
        return used[count / 2];
    }
}
