package dev.reelforge.core.review.checks;

import java.util.Arrays;

/** Percentiles of the finite values of a series, optionally skipping masked frames. */
final class SeriesStats {
    private SeriesStats() {}

    static double percentile(double[] values, boolean[] skip, double p) {
        double[] kept = kept(values, skip);
        if (kept.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(kept);
        return kept[(int) Math.min(kept.length - 1, Math.floor(p * kept.length))];
    }

    static double median(double[] values, boolean[] skip) {
        return percentile(values, skip, 0.5);
    }

    static double[] kept(double[] values, boolean[] skip) {
        double[] out = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (skip == null || !skip[i])) {
                out[count++] = values[i];
            }
        }
        return Arrays.copyOf(out, count);
    }
}
