package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameEffectsTest {
    @Test
    void boxBlur_singleBrightPixel_spreadsIntoASquareOnBothAxes() {
        Canvas canvas = new Canvas(21, 15);
        canvas.set(10, 7, 0xFFFFFF);

        FrameEffects.boxBlur(canvas, 2);

        for (int y = 0; y < canvas.height; y++) {
            for (int x = 0; x < canvas.width; x++) {
                boolean inside = Math.abs(x - 10) <= 2 && Math.abs(y - 7) <= 2;
                int red = canvas.rgb[(y * canvas.width + x) * 3] & 0xff;
                assertThat(red).as("pixel %d,%d", x, y).isEqualTo(inside ? 255 / 5 / 5 : 0);
            }
        }
    }

    @Test
    void boxBlur_verticalEdge_isSoftenedHorizontally() {
        Canvas canvas = new Canvas(16, 8);
        canvas.fillRect(8, 0, 16, 8, 0xFFFFFF);

        FrameEffects.boxBlur(canvas, 1);

        int row = 4 * canvas.width * 3;
        assertThat(canvas.rgb[row + 7 * 3] & 0xff).isEqualTo(85);
        assertThat(canvas.rgb[row + 8 * 3] & 0xff).isEqualTo(170);
    }
}
