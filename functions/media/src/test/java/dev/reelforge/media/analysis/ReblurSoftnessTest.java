package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReblurSoftnessTest {
    private static final int W = 120;
    private static final int H = 90;

    @Test
    void sharpEdgesReadSharp_theSamePictureBlurredReadsSofter_byHowMuch() {
        byte[] sharp = squares(0);
        byte[] soft = boxBlurred(sharp, 2);
        byte[] softer = boxBlurred(sharp, 4);

        double s0 = ReblurSoftness.of(sharp, 0, W, H);
        double s2 = ReblurSoftness.of(soft, 0, W, H);
        double s4 = ReblurSoftness.of(softer, 0, W, H);

        assertThat(s0).isLessThan(0.2);
        assertThat(s2).isGreaterThan(s0 + 0.2);
        assertThat(s4).isGreaterThan(s2);
    }

    @Test
    void grainDoesNotHideADefocus() {
        byte[] grainySharp = withGrain(squares(0), 7);
        byte[] grainyBlurred = withGrain(boxBlurred(squares(0), 3), 7);

        assertThat(ReblurSoftness.of(grainyBlurred, 0, W, H))
                .isGreaterThan(ReblurSoftness.of(grainySharp, 0, W, H) + 0.15);
    }

    @Test
    void aFlatPictureHasNothingToMeasure_andTheOffsetSelectsTheFrame() {
        byte[] flat = new byte[W * H];
        Arrays.fill(flat, (byte) 90);
        byte[] two = new byte[2 * W * H];
        System.arraycopy(flat, 0, two, 0, W * H);
        System.arraycopy(squares(0), 0, two, W * H, W * H);

        assertThat(ReblurSoftness.of(flat, 0, W, H)).isNaN();
        assertThat(ReblurSoftness.of(two, W * H, W, H)).isEqualTo(ReblurSoftness.of(squares(0), 0, W, H));
        assertThat(ReblurSoftness.of(new byte[10 * 10], 0, 10, 10)).isNaN();
    }

    private static byte[] squares(int shift) {
        byte[] p = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                p[y * W + x] = (byte) ((((x + shift) / 15 + y / 15) % 2 == 0) ? 40 : 200);
            }
        }
        return p;
    }

    private static byte[] boxBlurred(byte[] p, int radius) {
        byte[] out = new byte[p.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sum = 0;
                int count = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        int yy = Math.min(H - 1, Math.max(0, y + dy));
                        int xx = Math.min(W - 1, Math.max(0, x + dx));
                        sum += p[yy * W + xx] & 0xff;
                        count++;
                    }
                }
                out[y * W + x] = (byte) (sum / count);
            }
        }
        return out;
    }

    private static byte[] withGrain(byte[] p, int levels) {
        SplittableRandom random = new SplittableRandom(16);
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, (p[i] & 0xff) + random.nextInt(-levels, levels + 1)));
        }
        return out;
    }
}
