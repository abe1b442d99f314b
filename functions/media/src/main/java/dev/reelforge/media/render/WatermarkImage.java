package dev.reelforge.media.render;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.Watermark;
import dev.reelforge.media.animatic.BitmapFont;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The "AI-generated" label as a PNG sized for one rendition, drawn pixel by pixel from {@link BitmapFont} (no
 * system fonts, so it renders the same in a slim container): white capitals on a translucent dark box, and where
 * it goes in the frame. FFmpeg overlays it; this build of FFmpeg has no {@code drawtext}.
 */
record WatermarkImage(Path png, int x, int y, int width, int height) {
    private static final int PADDING = 2;
    private static final int TEXT = 0xF0FFFFFF;
    private static final int BOX = 0x99000000;

    static WatermarkImage write(Watermark watermark, int frameWidth, int frameHeight, Path file) {
        int shorter = Math.min(frameWidth, frameHeight);
        int scale = Math.max(
                1, (int) Math.round(shorter * watermark.heightFraction() / (BitmapFont.GLYPH_HEIGHT + 2 * PADDING)));
        String label = watermark.label().toUpperCase(Locale.ROOT);
        int width = (label.length() * BitmapFont.ADVANCE - 1 + 2 * PADDING) * scale;
        int height = (BitmapFont.GLYPH_HEIGHT + 2 * PADDING) * scale;
        if (width > frameWidth || height > frameHeight) {
            throw new IllegalArgumentException("the watermark '" + watermark.label() + "' does not fit a " + frameWidth
                    + "x" + frameHeight + " frame; shorten the label or lower its height");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, inGlyph(label, x / scale - PADDING, y / scale - PADDING) ? TEXT : BOX);
            }
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new MediaProcessingException("could not write the watermark image: " + e.getMessage(), e);
        }
        int margin = (int) Math.round(shorter * watermark.marginFraction());
        int x = watermark.corner().right() ? frameWidth - width - margin : margin;
        int y = watermark.corner().bottom() ? frameHeight - height - margin : margin;
        return new WatermarkImage(file, Math.max(0, x), Math.max(0, y), width, height);
    }

    private static boolean inGlyph(String label, int fontX, int fontY) {
        if (fontX < 0 || fontY < 0 || fontY >= BitmapFont.GLYPH_HEIGHT) {
            return false;
        }
        int index = fontX / BitmapFont.ADVANCE;
        int col = fontX % BitmapFont.ADVANCE;
        return index < label.length()
                && col < BitmapFont.GLYPH_WIDTH
                && BitmapFont.pixel(label.charAt(index), fontY, col);
    }
}
