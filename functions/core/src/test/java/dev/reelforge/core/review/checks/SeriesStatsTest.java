package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesStatsTest {
    @Test
    void select_seededArraysWithRepeats_isTheSortedArraysElementAtEveryRank() {
        SplittableRandom random = new SplittableRandom(16);
        for (int round = 0; round < 200; round++) {
            int length = 1 + random.nextInt(300);
            int distinct = 1 + random.nextInt(round % 2 == 0 ? 5 : 1000);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = random.nextInt(distinct) * 0.37 - 40;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < length; k++) {
                assertThat(SeriesStats.select(values.clone(), k)).isEqualTo(sorted[k]);
            }
        }
    }

    @Test
    void percentile_skipsMaskedAndNaNValues() {
        double[] values = {5, Double.NaN, 1, 9, 3, 7};
        boolean[] skip = {false, false, false, true, false, false};

        assertThat(SeriesStats.median(values, skip)).isEqualTo(5);
        assertThat(SeriesStats.percentile(values, null, 0.9)).isEqualTo(9);
        assertThat(SeriesStats.percentile(new double[] {Double.NaN}, null, 0.5)).isNaN();
    }
}
