package dev.reelforge.providers.image;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ImageFitter;
import dev.reelforge.core.reference.ImageHeader;
import dev.reelforge.core.reference.ReferenceKeys;
import dev.reelforge.core.request.FrameSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * {@link ImageFitter} on the JDK's own imaging (no native code, so the light Lambda package can carry it): bicubic
 * scaling, then a centre crop ({@code crop}) or a black letterbox ({@code pad}), written as PNG. The JDK decodes
 * PNG and JPEG; a WebP that needs fitting is refused with the way out (send PNG/JPEG, or a WebP of the frame's
 * size, which needs no fitting). Deterministic and thread-safe.
 */
public final class Java2dImageFitter implements ImageFitter {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public byte[] fit(byte[] image, ImageHeader header, FrameSize frame, String policy) {
        BufferedImage source = decode(image, header, frame);
        double scaleX = (double) frame.width() / source.getWidth();
        double scaleY = (double) frame.height() / source.getHeight();
        double scale = policy.equals("pad") ? Math.min(scaleX, scaleY) : Math.max(scaleX, scaleY);
        int width = (int) Math.round(source.getWidth() * scale);
        int height = (int) Math.round(source.getHeight() * scale);
        BufferedImage fitted = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, frame.width(), frame.height());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, (frame.width() - width) / 2, (frame.height() - height) / 2, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(fitted, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] image, ImageHeader header, FrameSize frame) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw InvalidRequestException.of(
                    ReferenceKeys.FIELD, "the " + header.format() + " image cannot be decoded: " + e.getMessage());
        }
        if (source == null) {
            throw InvalidRequestException.of(
                    ReferenceKeys.FIELD,
                    "a " + header.format() + " image of " + header.width() + "x" + header.height()
                            + " cannot be fitted to the frame here (the JDK decodes PNG and JPEG only): send a PNG or"
                            + " JPEG, or a " + header.format() + " of exactly " + frame);
        }
        return source;
    }
}
