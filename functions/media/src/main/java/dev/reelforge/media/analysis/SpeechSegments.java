package dev.reelforge.media.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Speech segments from per-window speech probabilities, with silero-vad's hysteresis: speech is on from a window
 * whose probability reaches {@value #ON} and off once it has stayed below {@value #OFF} for
 * {@value #MIN_SILENCE_SECONDS} s; segments shorter than {@value #MIN_SPEECH_SECONDS} s are dropped. The model's
 * recurrent state makes the probability climb over a window or more before it crosses {@value #ON} (most on soft
 * onsets: fricatives, speech under music), so a segment starts at the window where the climb began: the earliest of
 * the up to {@value #MAX_LEAD_WINDOWS} windows before the crossing that stay at least {@value #RISE} above the
 * median probability of the half second before. {@link #refinedStart} then places it on the sound itself.
 */
final class SpeechSegments {
    static final double ON = 0.5;
    static final double OFF = 0.35;
    static final double MIN_SPEECH_SECONDS = 0.1;
    static final double MIN_SILENCE_SECONDS = 0.1;
    static final int MAX_LEAD_WINDOWS = 3;
    static final double RISE = 0.1;
    static final double ABOVE_FLOOR_DB = 6;
    static final double MIN_FLOOR_SECONDS = 0.1;
    private static final double BASELINE_SECONDS = 0.5;
    private static final int HOP = 64;
    private static final int SUSTAIN_HOPS = 4;
    private static final double PRE_EMPHASIS = 0.97;

    private SpeechSegments() {}

    /** One stretch of speech, in seconds from the start of the audio. */
    record Segment(double startSeconds, double endSeconds) {
        Segment {
            if (endSeconds < startSeconds) {
                throw new IllegalArgumentException(
                        "speech must end after it starts: " + startSeconds + "–" + endSeconds);
            }
        }
    }

    static List<Segment> of(float[] probabilities, double windowSeconds, double durationSeconds) {
        List<Segment> segments = new ArrayList<>();
        int crossing = -1;
        int start = -1;
        int silentFrom = -1;
        int lastEnd = 0;
        for (int w = 0; w < probabilities.length; w++) {
            float p = probabilities[w];
            if (crossing < 0) {
                if (p >= ON) {
                    crossing = w;
                    start = climbStart(probabilities, w, lastEnd, windowSeconds);
                    silentFrom = -1;
                }
                continue;
            }
            if (p >= ON) {
                silentFrom = -1;
            } else if (p < OFF && silentFrom < 0) {
                silentFrom = w;
            }
            if (silentFrom >= 0 && (w + 1 - silentFrom) * windowSeconds >= MIN_SILENCE_SECONDS) {
                add(segments, crossing * windowSeconds, start * windowSeconds, silentFrom * windowSeconds);
                lastEnd = silentFrom;
                crossing = -1;
            }
        }
        if (crossing >= 0) {
            add(
                    segments,
                    crossing * windowSeconds,
                    start * windowSeconds,
                    silentFrom >= 0 ? silentFrom * windowSeconds : durationSeconds);
        }
        return segments;
    }

    /** The first window of the climb that ends in {@code crossing}, never before {@code notBefore}. */
    static int climbStart(float[] p, int crossing, int notBefore, double windowSeconds) {
        int from = Math.max(notBefore, crossing - (int) Math.round(BASELINE_SECONDS / windowSeconds));
        double level = median(p, from, Math.max(from, crossing - MAX_LEAD_WINDOWS)) + RISE;
        int start = crossing;
        while (start > notBefore && crossing - start < MAX_LEAD_WINDOWS && p[start - 1] >= level) {
            start--;
        }
        return start;
    }

    /**
     * Where the sound of a segment found to start at {@code start} (window resolution) begins: the first 4 ms hop,
     * from {@value #MAX_LEAD_WINDOWS} windows before {@code start} (and not before {@code notBefore}) to one window
     * after it, whose 8 ms energy and the next 12 ms's stay {@value #ABOVE_FLOOR_DB} dB above the floor (the median
     * energy of the half second before); {@code start} itself when the speech does not stand out from the floor
     * that much (under loud noise or music), or when less than {@value #MIN_FLOOR_SECONDS} s before it tells the floor. Catches a quiet fricative ("she", "stop") the model waits past, and a
     * vowel that starts late in its window.
     */
    static double refinedStart(short[] pcm, int sampleRate, double start, double notBefore, double windowSeconds) {
        int s0 = (int) Math.round(start * sampleRate);
        int window = (int) Math.round(windowSeconds * sampleRate);
        int earliest = Math.max((int) Math.round(notBefore * sampleRate), s0 - MAX_LEAD_WINDOWS * window);
        int floorFrom = Math.max(
                0, Math.max((int) Math.round(notBefore * sampleRate), s0 - (int) (BASELINE_SECONDS * sampleRate)));
        if (earliest - floorFrom < MIN_FLOOR_SECONDS * sampleRate) {
            return start;
        }
        double floor = medianEnergy(pcm, floorFrom, earliest);
        int run = 0;
        for (int at = Math.max(0, earliest); at <= s0 + window && at + 2 * HOP <= pcm.length; at += HOP) {
            run = energyDb(pcm, at, 2 * HOP) >= floor + ABOVE_FLOOR_DB ? run + 1 : 0;
            if (run == SUSTAIN_HOPS) {
                return (double) (at - (SUSTAIN_HOPS - 1) * HOP) / sampleRate;
            }
        }
        return start;
    }

    private static double medianEnergy(short[] pcm, int from, int to) {
        double[] values = new double[(to - from - HOP) / HOP];
        for (int i = 0; i < values.length; i++) {
            values[i] = energyDb(pcm, from + i * HOP, 2 * HOP);
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static double energyDb(short[] pcm, int from, int length) {
        double sum = 0;
        for (int n = Math.max(1, from); n < from + length; n++) {
            double v = (pcm[n] - PRE_EMPHASIS * pcm[n - 1]) / 32768.0;
            sum += v * v;
        }
        return 10 * Math.log10(sum / length + 1e-10);
    }

    /** Median of p[from, to); 0 when empty (speech right at the start of the audio climbs from silence). */
    private static double median(float[] p, int from, int to) {
        if (to <= from) {
            return 0;
        }
        float[] window = Arrays.copyOfRange(p, from, to);
        Arrays.sort(window);
        return window[window.length / 2];
    }

    /** Keeps the segment if the model heard speech for long enough, from its crossing on (as silero-vad counts). */
    private static void add(List<Segment> segments, double crossing, double start, double end) {
        if (end - crossing >= MIN_SPEECH_SECONDS) {
            segments.add(new Segment(start, end));
        }
    }
}
