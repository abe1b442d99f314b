package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.FrameThumbnails;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SteadyWindowsTest {
    private static final int W = 12;
    private static final int H = 8;
    private static final int FRAMES = 40;
    private static final int SIDE = 8;
    /** A sliding sum's rounding after a chunk's few dozen steps, far below a chroma level. */
    private static final double ROUNDING = 1e-9;

    @Test
    void at_seededPictures_holdsEachPixelsWindowMeanAndSteadiness() {
        int steadyPixels =
                checkWindows(seeded(7, W, H, FRAMES), W * H, new int[] {0, 8, 1, 9, 2, 30, 22, 30, FRAMES - SIDE});
        assertThat(steadyPixels).isBetween(1, 9 * W * H - 1);
    }

    @Test
    void at_pictureWiderThanAStripAndWindowsAcrossChunks_holdsEveryWindow() {
        int w = 40;
        int h = 16;
        int frames = 3 * SteadyWindows.CHUNK + 5;
        assertThat(w * h).isGreaterThan(2 * SteadyWindows.STRIP).isNotEqualTo(3 * SteadyWindows.STRIP);
        int[] froms = new int[frames - SIDE + 1];
        for (int k = 0; k < froms.length; k++) {
            froms[k] = k % 2 == 0 ? k / 2 : froms.length - 1 - k / 2;
        }
        int steadyPixels = checkWindows(seeded(11, w, h, frames), w * h, froms);
        assertThat(steadyPixels).isBetween(1, froms.length * w * h - 1);
    }

    @Test
    void at_windowPastTheLastThumbnail_isRefused() {
        SteadyWindows windows = new SteadyWindows(seeded(7, W, H, FRAMES), SIDE);
        assertThatThrownBy(() -> windows.at(FRAMES - SIDE + 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("from frame " + (FRAMES - SIDE + 1));
    }

    /**
     * Every pixel of every window {@code froms} names against a plain per-window loop (the sliding sums may differ in
     * their last bits, the extremes and so the steadiness may not); the steady pixels counted.
     */
    private static int checkWindows(FramePictures pictures, int pixels, int[] froms) {
        SteadyWindows windows = new SteadyWindows(pictures, SIDE);
        int steadyPixels = 0;
        for (int from : froms) {
            SteadyWindows.Window window = windows.at(from);
            for (int p = 0; p < pixels; p++) {
                double y = 0;
                double u = 0;
                double v = 0;
                for (int i = from; i < from + SIDE; i++) {
                    y += pictures.y(i, p);
                    u += pictures.u(i, p);
                    v += pictures.v(i, p);
                }
                u /= SIDE;
                v /= SIDE;
                boolean steady = true;
                for (int i = from; i < from + SIDE; i++) {
                    steady &= Math.abs(pictures.u(i, p) - u) <= PaletteSteps.STILL_LEVELS
                            && Math.abs(pictures.v(i, p) - v) <= PaletteSteps.STILL_LEVELS;
                }
                assertThat(window.y(p)).isEqualTo(y / SIDE);
                assertThat(window.u(p)).isCloseTo(u, within(ROUNDING));
                assertThat(window.v(p)).isCloseTo(v, within(ROUNDING));
                assertThat(window.steady(p)).isEqualTo(steady);
                steadyPixels += steady ? 1 : 0;
            }
        }
        return steadyPixels;
    }

    /** Half the pixels hold a colour with a little noise, the other half wander: both kinds of window occur. */
    private static FramePictures seeded(long seed, int w, int h, int frames) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[frames * w * h * 3];
        for (int p = 0; p < w * h; p++) {
            int base = 40 + random.nextInt(170);
            boolean wanders = random.nextBoolean();
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < 3; c++) {
                    int level = base + (wanders ? random.nextInt(40) : random.nextInt(3)) + 10 * c;
                    rgb[(i * w * h + p) * 3 + c] = (byte) Math.min(255, level);
                }
            }
        }
        return FramePictures.of(new FrameThumbnails(w, h, rgb), frames);
    }
}
