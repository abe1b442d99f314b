package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.FrameThumbnails;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PaletteStepsTest {
    private static final int W = 48;
    private static final int H = 27;
    private static final int FRAMES = 60;
    private static final int AT = 30;
    private static final double FPS = 24;

    /** A mostly black picture (a terminal, a night scene) with a mid-grey band: 40 % of the pixels. */
    private static boolean grey(int p) {
        return p % W < W * 2 / 5;
    }

    @Test
    void find_reGradeOfAMostlyBlackStillPicture_isAStepOfThePixelsThatHoldStill() {
        byte[] rgb = picture((frame, p) -> grey(p) && frame >= AT ? new int[] {140, 128, 116} : base(p));

        List<PaletteSteps.Step> steps = PaletteSteps.find(pictures(rgb), FPS, new boolean[FRAMES], new boolean[FRAMES]);

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).frame()).isBetween(AT - 2, AT + 2);
        assertThat(steps.get(0).share()).isBetween(0.3, 0.5);
        assertThat(steps.get(0).severity()).isGreaterThan(1);
    }

    @Test
    void find_chromaNudgedEveryWhichWay_asAKeyFrameDoes_isNoStep() {
        SplittableRandom random = new SplittableRandom(5);
        int[][] nudge = new int[W * H][];
        for (int p = 0; p < nudge.length; p++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            nudge[p] = new int[] {(int) Math.round(9 * Math.cos(angle)), (int) Math.round(9 * Math.sin(angle))};
        }
        byte[] rgb = picture(
                (frame, p) -> grey(p) && frame >= AT ? new int[] {128 + nudge[p][0], 128, 128 + nudge[p][1]} : base(p));

        assertThat(PaletteSteps.find(pictures(rgb), FPS, new boolean[FRAMES], new boolean[FRAMES]))
                .isEmpty();
    }

    @Test
    void find_pictureThatJumpsInLumaAsMuchAsInColour_asAJudderDoes_isNoStep() {
        byte[] rgb = picture((frame, p) -> grey(p) && frame >= AT ? new int[] {160, 150, 140} : base(p));

        assertThat(PaletteSteps.find(pictures(rgb), FPS, new boolean[FRAMES], new boolean[FRAMES]))
                .isEmpty();
    }

    @Test
    void find_stepNextToAnExcludedFrame_isNotLookedFor() {
        byte[] rgb = picture((frame, p) -> grey(p) && frame >= AT ? new int[] {140, 128, 116} : base(p));
        boolean[] excluded = new boolean[FRAMES];
        excluded[AT] = true;

        assertThat(PaletteSteps.find(pictures(rgb), FPS, excluded, excluded)).isEmpty();
    }

    private static int[] base(int p) {
        return grey(p) ? new int[] {128, 128, 128} : new int[] {0, 0, 0};
    }

    private interface Pixel {
        int[] rgb(int frame, int p);
    }

    private static byte[] picture(Pixel pixel) {
        byte[] rgb = new byte[FRAMES * W * H * 3];
        for (int frame = 0; frame < FRAMES; frame++) {
            for (int p = 0; p < W * H; p++) {
                int[] c = pixel.rgb(frame, p);
                for (int k = 0; k < 3; k++) {
                    rgb[(frame * W * H + p) * 3 + k] = (byte) Math.max(0, Math.min(255, c[k]));
                }
            }
        }
        return rgb;
    }

    private static FramePictures pictures(byte[] rgb) {
        return FramePictures.of(new FrameThumbnails(W, H, rgb), FRAMES);
    }
}
