package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.FrameThumbnails;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Thumbnails of a 16:9 clip: 85 × 48, so the motion search reaches 4 pixels. */
class ColourDriftTest {
    private static final int W = 85;
    private static final int H = 48;

    @Test
    void globalColourChange_followsAPanToTheSameScenePoint() {
        int[] scene = texture(W + 8, H, 21);
        byte[] rgb = new byte[2 * W * H * 3];
        paint(rgb, 0, scene, 0, 0);
        paint(rgb, 1, scene, 3, 6);

        double[] change = ColourDrift.globalColourChange(pictures(rgb), 0, 1);

        assertThat(change).as("measurable once the 3-px pan is followed").isNotNull();
        assertThat(change[0]).isCloseTo(6, within(0.6));
        assertThat(change[1]).isCloseTo(0, within(0.6));
        assertThat(change[2]).isCloseTo(0, within(0.6));
    }

    @Test
    void globalColourChange_ofAStillPicture_isTheGradeStepInPlace() {
        int[] scene = texture(W, H, 22);
        byte[] rgb = new byte[2 * W * H * 3];
        paint(rgb, 0, scene, 0, 0);
        paint(rgb, 1, scene, 0, -4);

        double[] change = ColourDrift.globalColourChange(pictures(rgb), 0, 1);

        assertThat(change[0]).isCloseTo(-4, within(0.6));
    }

    @Test
    void globalColourChange_betweenUnrelatedPictures_isNotMeasurable() {
        byte[] rgb = new byte[2 * W * H * 3];
        paint(rgb, 0, texture(W, H, 23), 0, 0);
        paint(rgb, 1, texture(W, H, 24), 0, 0);

        assertThat(ColourDrift.globalColourChange(pictures(rgb), 0, 1)).isNull();
    }

    /** A grey texture of blobs (smooth at a few pixels, like a thumbnail of a real scene), {@code width} wide. */
    private static int[] texture(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] blobs = new double[40][];
        for (int b = 0; b < blobs.length; b++) {
            blobs[b] = new double[] {
                random.nextDouble() * width,
                random.nextDouble() * height,
                2 + 4 * random.nextDouble(),
                random.nextInt(-60, 60)
            };
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 120;
                for (double[] b : blobs) {
                    double d2 = (x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]);
                    v += b[3] * Math.exp(-d2 / (2 * b[2] * b[2]));
                }
                out[y * width + x] = (int) Math.round(Math.max(20, Math.min(230, v)));
            }
        }
        return out;
    }

    /** Frame {@code frame}: the scene seen from {@code offset} pixels to the right, every channel {@code +gain}. */
    private static void paint(byte[] rgb, int frame, int[] scene, int offset, int gain) {
        int sceneWidth = scene.length / H;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int value = scene[y * sceneWidth + x + offset] + gain;
                for (int k = 0; k < 3; k++) {
                    rgb[(frame * W * H + y * W + x) * 3 + k] = (byte) value;
                }
            }
        }
    }

    private static FramePictures pictures(byte[] rgb) {
        return FramePictures.of(new FrameThumbnails(W, H, rgb), 2);
    }
}
