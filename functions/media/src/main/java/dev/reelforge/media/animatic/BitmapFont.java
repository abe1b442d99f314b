package dev.reelforge.media.animatic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A built-in 5×7 pixel font (A–Z, 0–9, basic punctuation) for captions, so rendering needs no system fonts and
 * looks the same everywhere. Lower case is drawn as upper case; unknown characters as {@code ?}.
 */
public final class BitmapFont {
    public static final int GLYPH_WIDTH = 5;
    public static final int GLYPH_HEIGHT = 7;
    public static final int ADVANCE = GLYPH_WIDTH + 1;

    private static final Map<Character, int[]> GLYPHS = Map.ofEntries(
            glyph('A', 0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11), glyph('B', 0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
            glyph('C', 0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E), glyph('D', 0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E),
            glyph('E', 0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F), glyph('F', 0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
            glyph('G', 0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F), glyph('H', 0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
            glyph('I', 0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E), glyph('J', 0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
            glyph('K', 0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11), glyph('L', 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
            glyph('M', 0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11), glyph('N', 0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
            glyph('O', 0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E), glyph('P', 0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
            glyph('Q', 0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D), glyph('R', 0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
            glyph('S', 0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E), glyph('T', 0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
            glyph('U', 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E), glyph('V', 0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
            glyph('W', 0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A), glyph('X', 0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
            glyph('Y', 0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04), glyph('Z', 0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
            glyph('0', 0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E), glyph('1', 0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
            glyph('2', 0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F), glyph('3', 0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
            glyph('4', 0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02), glyph('5', 0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
            glyph('6', 0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E), glyph('7', 0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
            glyph('8', 0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E), glyph('9', 0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
            glyph('.', 0, 0, 0, 0, 0, 0x0C, 0x0C), glyph(',', 0, 0, 0, 0, 0x0C, 0x04, 0x08),
            glyph('!', 0x04, 0x04, 0x04, 0x04, 0x04, 0, 0x04), glyph('?', 0x0E, 0x11, 0x01, 0x02, 0x04, 0, 0x04),
            glyph('\'', 0x04, 0x04, 0x08, 0, 0, 0, 0), glyph('"', 0x0A, 0x0A, 0x0A, 0, 0, 0, 0),
            glyph('-', 0, 0, 0, 0x1F, 0, 0, 0), glyph(':', 0, 0x0C, 0x0C, 0, 0x0C, 0x0C, 0),
            glyph(';', 0, 0x0C, 0x0C, 0, 0x0C, 0x04, 0x08), glyph('(', 0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02),
            glyph(')', 0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08), glyph('/', 0, 0x01, 0x02, 0x04, 0x08, 0x10, 0),
            glyph('&', 0x0C, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0D), glyph(' ', 0, 0, 0, 0, 0, 0, 0));

    private BitmapFont() {}

    static boolean hasGlyph(char c) {
        return GLYPHS.containsKey(normalise(c));
    }

    /** Whether font pixel ({@code col}, {@code row}) of {@code c}'s glyph is set; unknown characters draw as {@code ?}. */
    public static boolean pixel(char c, int row, int col) {
        int[] rows = GLYPHS.getOrDefault(normalise(c), GLYPHS.get('?'));
        return (rows[row] >> (GLYPH_WIDTH - 1 - col) & 1) == 1;
    }

    /** Draws one line with its top-left corner at (x, y), each font pixel a {@code scale}×{@code scale} square. */
    static void draw(Canvas canvas, String text, int x, int y, int scale, int color) {
        for (int i = 0; i < text.length(); i++) {
            int[] rows = GLYPHS.getOrDefault(normalise(text.charAt(i)), GLYPHS.get('?'));
            int left = x + i * ADVANCE * scale;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if ((rows[row] >> (GLYPH_WIDTH - 1 - col) & 1) == 1) {
                        int px = left + col * scale;
                        int py = y + row * scale;
                        canvas.fillRect(px, py, px + scale, py + scale, color);
                    }
                }
            }
        }
    }

    /** Greedy word wrap to {@code maxChars} per line, at most {@code maxLines}; an overflow ends in "...". */
    static List<String> wrap(String text, int maxChars, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String piece = word.length() > maxChars ? word.substring(0, maxChars) : word;
            if (line.length() > 0 && line.length() + 1 + piece.length() > maxChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(piece);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            kept.set(maxLines - 1, (last.length() + 3 > maxChars ? last.substring(0, maxChars - 3) : last) + "...");
            return kept;
        }
        return lines;
    }

    private static char normalise(char c) {
        return switch (c) {
            case '\u2013', '\u2014', '\u2212' -> '-';
            case '\u2018', '\u2019' -> '\'';
            case '\u201C', '\u201D' -> '"';
            default ->
                Character.toUpperCase(c) < 128
                        ? String.valueOf(c).toUpperCase(Locale.ROOT).charAt(0)
                        : c;
        };
    }

    private static Map.Entry<Character, int[]> glyph(char c, int... rows) {
        return Map.entry(c, rows);
    }
}
