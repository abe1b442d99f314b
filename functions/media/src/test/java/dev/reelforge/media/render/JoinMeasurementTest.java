package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Alpha, the next shot's share of a stitched frame, by least squares against both shots' frames. */
class JoinMeasurementTest {
    private static double[] picture(long seed) {
        Random random = new Random(seed);
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(256);
        }
        return v;
    }

    @Test
    void alpha_gradedBlend_readsTheBlendsWeight() {
        double[] a = picture(1);
        double[] b = picture(2);
        double[] s = new double[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 10 + 0.9 * (0.7 * a[i] + 0.3 * b[i]);
        }

        assertThat(JoinMeasurement.alpha(s, a, b)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void alpha_shotsThatAgree_cannotBeTold() {
        double[] a = picture(1);

        assertThat(JoinMeasurement.alpha(a, a, a.clone())).isNaN();
    }
}
