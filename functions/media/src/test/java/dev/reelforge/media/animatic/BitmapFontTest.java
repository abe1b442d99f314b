package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitmapFontTest {
    @Test
    void wrap_longText_breaksAtWordsWithinWidth() {
        assertThat(BitmapFont.wrap("the mug tips and falls to the floor", 12, 3))
                .containsExactly("the mug tips", "and falls to", "the floor");
    }

    @Test
    void wrap_tooManyLines_endsWithEllipsis() {
        assertThat(BitmapFont.wrap("one two three four five six", 7, 2)).containsExactly("one two", "thre...");
    }

    @Test
    void draw_letter_setsPixelsOnlyInsideItsCell() {
        Canvas canvas = new Canvas(20, 20);

        BitmapFont.draw(canvas, "I", 2, 2, 2, 0xFFFFFF);

        int lit = 0;
        for (int i = 0; i < canvas.rgb.length; i += 3) {
            if (canvas.rgb[i] != 0) {
                lit++;
                int x = (i / 3) % 20;
                int y = (i / 3) / 20;
                assertThat(x).isBetween(2, 2 + 5 * 2 - 1);
                assertThat(y).isBetween(2, 2 + 7 * 2 - 1);
            }
        }
        assertThat(lit).isEqualTo(11 * 4);
        assertThat(BitmapFont.hasGlyph('q')).isTrue();
    }
}
