package dev.reelforge.core.review.checks;

import java.util.Arrays;

/**
 * Percentiles and sustained levels of the finite values of a series, optionally skipping masked frames. A percentile
 * is selected (quickselect), not sorted for: the same value as the sorted array's element, in linear time, which
 * matters where a check takes the median of every thumbnail pixel of every frame.
 */
final class SeriesStats {
    private SeriesStats() {}

    static double percentile(double[] values, boolean[] skip, double p) {
        double[] kept = kept(values, skip);
        if (kept.length == 0) {
            return Double.NaN;
        }
        return select(kept, (int) Math.min(kept.length - 1, Math.floor(p * kept.length)));
    }

    /** The level that at least {@code frames} of the kept values reach: the {@code frames}-th highest; NaN if fewer. */
    static double sustained(double[] values, boolean[] skip, int frames) {
        double[] kept = kept(values, skip);
        if (kept.length < frames) {
            return Double.NaN;
        }
        Arrays.sort(kept);
        return kept[kept.length - frames];
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

    /** The {@code k}-th smallest of {@code values} (which it reorders): {@code sorted[k]}, without sorting. */
    static double select(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (hi > lo) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
