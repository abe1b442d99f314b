package dev.reelforge.core.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Still images for reference-image tests, drawn deterministically: a warm background with a darker block in the
 * middle (a "subject") and a texture of 5-pixel cells in the green and blue channels (5, not 4: cells on the 8-pixel coding grid read as compression blocks) (as a photograph has detail,
 * which a structural comparison needs), so a crop, a pad, a colour reading and SSIM all have something to find. {@code tint} changes
 * the colours, giving a different image of the same size.
 */
public final class Stills {
    private Stills() {}

    public static BufferedImage image(int width, int height, int tint) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int background = ((200 + tint) & 0xff) << 16 | 150 << 8 | ((60 + 3 * tint) & 0xff);
        int subject = 40 << 16 | ((90 + tint) & 0xff) << 8 | 160;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inSubject = Math.abs(x - width / 2) < width / 6 && Math.abs(y - height / 2) < height / 5;
                int cell = (x / 5) * 73_856_093 ^ (y / 5) * 19_349_663 ^ tint * 83_492_791;
                int shade = (cell >>> 7) & 0x3f;
                image.setRGB(x, y, (inSubject ? subject : background) + (shade << 8) + (shade >> 1));
            }
        }
        return image;
    }

    public static byte[] png(int width, int height, int tint) {
        return encode(image(width, height, tint), "png");
    }

    public static byte[] jpeg(int width, int height, int tint) {
        return encode(image(width, height, tint), "jpg");
    }

    /** A lossless WebP header (RIFF, VP8L) for the given size; its pixel data is not a decodable image. */
    public static byte[] webpHeader(int width, int height) {
        byte[] b = new byte[40];
        put(b, 0, "RIFF");
        le32(b, 4, b.length - 8);
        put(b, 8, "WEBP");
        put(b, 12, "VP8L");
        le32(b, 16, b.length - 20);
        b[20] = 0x2f;
        le32(b, 21, (width - 1) | (height - 1) << 14);
        return b;
    }

    private static void put(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            b[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le32(byte[] b, int at, int value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
