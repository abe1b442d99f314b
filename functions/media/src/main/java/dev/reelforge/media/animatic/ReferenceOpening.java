package dev.reelforge.media.animatic;

import dev.reelforge.core.request.FrameSize;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The reference image the animatic opens on: the first frame is the fitted image itself, which then dissolves into
 * the drawn scene, and the drawn world takes its colours from the image (the subject from the centre, the wall
 * from the top band, the floor from the bottom band), so the product on screen keeps the creator's colours after
 * the dissolve. The image is decoded by FFmpeg, so PNG, JPEG and WebP all work.
 */
final class ReferenceOpening {
    /** The image alone for this long, then a linear dissolve until {@link #DISSOLVE_END_SECONDS}. */
    static final double HOLD_SECONDS = 0.25;

    static final double DISSOLVE_END_SECONDS = 1.0;

    private final byte[] rgb;
    private final int width;
    private final int height;

    ReferenceOpening(byte[] rgb, int width, int height) {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "the decoded reference has " + rgb.length + " bytes, not " + width + "x" + height + " rgb24");
        }
        this.rgb = rgb;
        this.width = width;
        this.height = height;
    }

    /** Decodes the (already fitted) image at {@code file}, scaled to {@code size} if it is not that size. */
    static ReferenceOpening load(Ffmpeg ffmpeg, Path file, FrameSize size) {
        byte[] rgb = ffmpeg.run(
                        "decoding the reference image",
                        List.of(
                                "-v",
                                "error",
                                "-i",
                                file.toString(),
                                "-frames:v",
                                "1",
                                "-vf",
                                "scale=" + size.width() + ":" + size.height(),
                                "-f",
                                "rawvideo",
                                "-pix_fmt",
                                "rgb24",
                                "pipe:1"),
                        Duration.ofSeconds(30))
                .stdout();
        return new ReferenceOpening(rgb, size.width(), size.height());
    }

    /** The drawn world in the image's colours. */
    WorldLook recolour(WorldLook look) {
        int top = mean(0, 0, width, height * 15 / 100);
        int middle = mean(0, height * 45 / 100, width, height * 55 / 100);
        int bottom = mean(0, height * 85 / 100, width, height);
        int subject = mean(width / 3, height / 3, width * 2 / 3, height * 2 / 3);
        return new WorldLook(
                subject,
                look.material(),
                bottom,
                look.table(),
                top,
                middle,
                look.lightSide(),
                look.pieces(),
                look.liquid());
    }

    /** Lays the image over the drawn frame at time {@code t}: whole at first, fading out by the dissolve's end. */
    void cover(Canvas canvas, double t) {
        if (t >= DISSOLVE_END_SECONDS) {
            return;
        }
        double alpha = t <= HOLD_SECONDS ? 1 : 1 - (t - HOLD_SECONDS) / (DISSOLVE_END_SECONDS - HOLD_SECONDS);
        if (alpha >= 1) {
            System.arraycopy(rgb, 0, canvas.rgb, 0, rgb.length);
            return;
        }
        int a = (int) Math.round(alpha * 256);
        for (int i = 0; i < rgb.length; i++) {
            int under = canvas.rgb[i] & 0xff;
            canvas.rgb[i] = (byte) (under + (((rgb[i] & 0xff) - under) * a >> 8));
        }
    }

    private int mean(int x0, int y0, int x1, int y1) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = (y * width + x) * 3;
                r += rgb[i] & 0xff;
                g += rgb[i + 1] & 0xff;
                b += rgb[i + 2] & 0xff;
                n++;
            }
        }
        n = Math.max(n, 1);
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
