package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The real signalstats is the reference of KeptMetricsReproducedTest (every series of 32 corpus clips, to the bit). */
class PlaneStatsTest {
    @Test
    void printed_roundsToSixSignificantDigitsHalfToEvenOnTheExactValue() {
        assertThat(PlaneStats.printed(128)).isEqualTo(128);
        assertThat(PlaneStats.printed(100.0625)).as("an exact tie goes to even").isEqualTo(100.062);
        assertThat(PlaneStats.printed(100.1875)).as("an exact tie goes to even").isEqualTo(100.188);
        assertThat(PlaneStats.printed(128_142 / 4032.0))
                .as("31.78125, a mean over 4,032 pixels: C's %g writes 31.7812 where Java's %g would write 31.7813")
                .isEqualTo(31.7812);
        assertThat(PlaneStats.printed(7 / 3.0)).isEqualTo(2.33333);
        assertThat(PlaneStats.printed(0.000012345678)).isEqualTo(1.23457e-05);
    }

    @Test
    void of_twoStacksTheSecondPartlyFilled_givesEachFramesMeansAndDifference() {
        int w = 4;
        int h = 2;
        int tile = 3;
        int frames = 4;
        int luma = w * h;
        int chroma = 2;
        byte[] planes = new byte[2 * tile * (luma + 2 * chroma)];
        for (int k = 0; k < frames; k++) {
            int stack = k / tile * tile * (luma + 2 * chroma);
            for (int p = 0; p < luma; p++) {
                planes[stack + k % tile * luma + p] = (byte) (10 * k + p);
            }
            for (int p = 0; p < chroma; p++) {
                planes[stack + tile * luma + k % tile * chroma + p] = (byte) (100 + k);
                planes[stack + tile * luma + tile * chroma + k % tile * chroma + p] = (byte) (200 + k + p);
            }
        }
        PlaneStats s = PlaneStats.of(planes, w, h, frames, tile);
        assertThat(s.luma).containsExactly(3.5, 13.5, 23.5, 33.5);
        assertThat(s.motion).containsExactly(0, 10, 10, 10);
        assertThat(s.u).containsExactly(100, 101, 102, 103);
        assertThat(s.v).containsExactly(200.5, 201.5, 202.5, 203.5);
    }

    @Test
    void of_fewerPicturesThanLoggedFrames_isRefused() {
        assertThatThrownBy(() -> PlaneStats.of(new byte[3 * 12], 4, 2, 4, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 yuv pictures for 4 logged frames");
    }
}
