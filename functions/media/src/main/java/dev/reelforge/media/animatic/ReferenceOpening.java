package dev.reelforge.media.animatic;

import dev.reelforge.core.request.FrameSize;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reference image the animatic opens on: the first frame is the fitted image itself, which then dissolves into
 * the drawn scene, and the drawn world takes its colours from the image (the subject from the centre, the wall
 * from the top band, the floor from the bottom band), so the product on screen keeps the creator's colours after
 * the dissolve. The image is decoded by FFmpeg, so PNG, JPEG and WebP all work.
 *
 * <p>The drawn world lights what it draws (the wall falls off away from the light, the floor brightens towards the
 * camera), so a band's mean in the drawn frame is not the colour it was given: taken as is, a frame of the animatic's
 * own (a chained shot's first frame is the previous shot's last) would come back about 8 % darker, and the dissolve
 * would walk the whole picture's colour by that much, which {@code colour-drift} rightly reads as a grade drifting
 * inside the shot. {@link #calibrate} therefore draws the frame the dissolve lands on and corrects the colours given
 * until that frame's bands have the image's means.
 */
final class ReferenceOpening {
    /** The image alone for this long, then a linear dissolve until {@link #DISSOLVE_END_SECONDS}. */
    static final double HOLD_SECONDS = 0.25;

    static final double DISSOLVE_END_SECONDS = 1.0;

    /** How many times {@link #calibrate} draws the landing frame and corrects the colours. */
    static final int CALIBRATION_ROUNDS = 3;

    private static final int BANDS = 4;

    private final byte[] rgb;
    private final int width;
    private final int height;
    /** The image's band means (top, middle, bottom, subject) as rgb, and the per-channel gains on them. */
    private final int[] targets;

    private final double[][] gains = new double[BANDS][3];

    ReferenceOpening(byte[] rgb, int width, int height) {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "the decoded reference has " + rgb.length + " bytes, not " + width + "x" + height + " rgb24");
        }
        this.rgb = rgb;
        this.width = width;
        this.height = height;
        this.targets = bandMeans(rgb, width, height);
        for (double[] band : gains) {
            Arrays.fill(band, 1);
        }
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

    /** The drawn world in the image's colours (as corrected by {@link #calibrate}). */
    WorldLook recolour(WorldLook look) {
        return new WorldLook(
                given(3),
                look.material(),
                given(2),
                look.table(),
                given(0),
                given(1),
                look.lightSide(),
                look.pieces(),
                look.liquid());
    }

    /**
     * Corrects the colours {@link #recolour} gives until the frame the dissolve lands on has the image's band means:
     * {@code landing} draws that frame (rgb24, this image's size) with the world as {@link #recolour} now makes it.
     * Each round scales each band's colour, per channel, by the image's mean over the drawn frame's.
     */
    void calibrate(Supplier<byte[]> landing) {
        for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
            int[] drawn = bandMeans(landing.get(), width, height);
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double want = targets[b] >> shift & 0xff;
                    double got = Math.max(1, drawn[b] >> shift & 0xff);
                    gains[b][c] = Math.max(0.5, Math.min(2, gains[b][c] * (want + 0.5) / (got + 0.5)));
                }
            }
        }
    }

    private int given(int band) {
        int colour = 0;
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int value = (int) Math.round((targets[band] >> shift & 0xff) * gains[band][c]);
            colour |= Math.max(0, Math.min(255, value)) << shift;
        }
        return colour;
    }

    /** The means of the top band, the middle band, the bottom band and the centre third, as rgb. */
    static int[] bandMeans(byte[] rgb, int width, int height) {
        return new int[] {
            mean(rgb, width, 0, 0, width, height * 15 / 100),
            mean(rgb, width, 0, height * 45 / 100, width, height * 55 / 100),
            mean(rgb, width, 0, height * 85 / 100, width, height),
            mean(rgb, width, width / 3, height / 3, width * 2 / 3, height * 2 / 3)
        };
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

    private static int mean(byte[] rgb, int width, int x0, int y0, int x1, int y1) {
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
