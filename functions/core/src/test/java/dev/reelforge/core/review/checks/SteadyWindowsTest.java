package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.FrameThumbnails;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SteadyWindowsTest {
    private static final int W = 12;
    private static final int H = 8;
    private static final int FRAMES = 40;
    private static final int SIDE = 8;

    @Test
    void at_seededPictures_holdsEachPixelsWindowMeanAndSteadinessToTheBit() {
        FramePictures pictures = seeded(7);
        SteadyWindows windows = new SteadyWindows(pictures, SIDE);
        int steadyPixels = 0;
        for (int from : new int[] {0, 8, 1, 9, 2, 30, 22, 30, FRAMES - SIDE}) {
            SteadyWindows.Window window = windows.at(from);
            for (int p = 0; p < W * H; p++) {
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
                assertThat(window.u(p)).isEqualTo(u);
                assertThat(window.v(p)).isEqualTo(v);
                assertThat(window.steady(p)).isEqualTo(steady);
                steadyPixels += steady ? 1 : 0;
            }
        }
        assertThat(steadyPixels).isBetween(1, 9 * W * H - 1);
    }

    /** Half the pixels hold a colour with a little noise, the other half wander: both kinds of window occur. */
    private static FramePictures seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[FRAMES * W * H * 3];
        for (int p = 0; p < W * H; p++) {
            int base = 40 + random.nextInt(170);
            boolean wanders = random.nextBoolean();
            for (int i = 0; i < FRAMES; i++) {
                for (int c = 0; c < 3; c++) {
                    int level = base + (wanders ? random.nextInt(40) : random.nextInt(3)) + 10 * c;
                    rgb[(i * W * H + p) * 3 + c] = (byte) Math.min(255, level);
                }
            }
        }
        return FramePictures.of(new FrameThumbnails(W, H, rgb), FRAMES);
    }
}
