package dev.reelforge.media.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds sound onsets (impacts, hits, clicks) in mono PCM by energy-envelope rise with an adaptive threshold: the
 * log energy of 10 ms windows every {@value #HOP_MS} ms; an onset is where the energy climbs at least
 * {@value #RISE_DB} dB within 10 ms and ends up {@value #ABOVE_FLOOR_DB} dB above the local floor (the median of
 * the surrounding second), at least {@value #MIN_GAP_SECONDS} s after the previous one. Its time is the start of
 * the window where the climb begins. Robust to a steady bed of room tone or music at a constant level.
 */
final class OnsetDetector {
    static final int HOP_MS = 5;
    static final double RISE_DB = 9;
    static final double ABOVE_FLOOR_DB = 12;
    static final double MIN_GAP_SECONDS = 0.15;
    private static final int FLOOR_RADIUS_MS = 500;

    private OnsetDetector() {}

    /** The onsets and the normalised rise envelope (0–1, one value per hop). */
    record Result(List<Double> onsets, double[] strength, double hopSeconds) {}

    static Result detect(short[] pcm, int sampleRate) {
        int hop = sampleRate * HOP_MS / 1000;
        int window = 2 * hop;
        int count = pcm.length < window ? 0 : (pcm.length - window) / hop + 1;
        double[] energyDb = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int n = i * hop; n < i * hop + window; n++) {
                double v = pcm[n] / 32768.0;
                sum += v * v;
            }
            energyDb[i] = 10 * Math.log10(sum / window + 1e-10);
        }
        double[] rise = new double[count];
        for (int i = 2; i < count; i++) {
            rise[i] = Math.max(0, energyDb[i] - energyDb[i - 2]);
        }
        double[] floor = localMedian(energyDb, FLOOR_RADIUS_MS / HOP_MS);
        List<Double> onsets = new ArrayList<>();
        double hopSeconds = (double) hop / sampleRate;
        double last = -1;
        for (int i = 2; i < count; i++) {
            if (rise[i] >= RISE_DB && energyDb[i] >= floor[i] + ABOVE_FLOOR_DB && isLocalMax(rise, i)) {
                double t = (i - 1) * hopSeconds;
                if (last < 0 || t - last >= MIN_GAP_SECONDS) {
                    onsets.add(t);
                    last = t;
                }
            }
        }
        double max = Arrays.stream(rise).max().orElse(0);
        double[] strength = Arrays.stream(rise).map(r -> max > 0 ? r / max : 0).toArray();
        return new Result(onsets, strength, hopSeconds);
    }

    private static boolean isLocalMax(double[] values, int i) {
        return (i == 0 || values[i] >= values[i - 1]) && (i + 1 >= values.length || values[i] >= values[i + 1]);
    }

    /** Median over ±radius, computed on a stride of the radius/8 for speed (the floor moves slowly). */
    private static double[] localMedian(double[] values, int radius) {
        double[] out = new double[values.length];
        int stride = Math.max(1, radius / 8);
        for (int i = 0; i < values.length; i += stride) {
            int from = Math.max(0, i - radius);
            int to = Math.min(values.length, i + radius + 1);
            double[] window = Arrays.copyOfRange(values, from, to);
            Arrays.sort(window);
            double median = window[window.length / 2];
            for (int k = i; k < Math.min(values.length, i + stride); k++) {
                out[k] = median;
            }
        }
        return out;
    }
}
