package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import dev.reelforge.core.media.FrameThumbnails;
import dev.reelforge.core.media.ProbeResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A builder of synthetic per-frame series and thumbnails: a steady, clean 4 s clip at 24 fps that tests then
 * damage. Each frame's thumbnail is its shot's texture at the frame's mean luma and chroma ({@link #luma}, {@link
 * #u}, {@link #v}), so a gain or a colour change alters the look and keeps the edges, while a cut changes the texture.
 */
public final class SyntheticClip {
    static final double FPS = 24;
    static final int THUMB_WIDTH = 18;
    static final int THUMB_HEIGHT = 32;
    private static final double DRIFT_PER_FRAME = 0.02;
    final int n;
    final double[] luma;
    final double[] motion;
    private final boolean[] held;
    final double[] u;
    final double[] v;
    final double[] blur;
    final double[] softness;
    final double[] block;
    final List<Interval> frozen = new ArrayList<>();
    final List<Interval> black = new ArrayList<>();
    final List<Double> onsets = new ArrayList<>();
    /** The texture each frame shows; a cut starts a new one. */
    final int[] shot;
    /** How much of its texture each frame shows, 0 (featureless) to 1. */
    final double[] contrast;

    private final long seed;

    public SyntheticClip(double seconds, long seed) {
        n = (int) Math.round(seconds * FPS);
        this.seed = seed;
        shot = new int[n];
        held = new boolean[n];
        contrast = new double[n];
        Arrays.fill(contrast, 1);
        SplittableRandom random = new SplittableRandom(seed);
        luma = new double[n];
        motion = new double[n];
        u = new double[n];
        v = new double[n];
        blur = new double[n];
        softness = new double[n];
        block = new double[n];
        Arrays.fill(blur, Double.NaN);
        Arrays.fill(softness, Double.NaN);
        Arrays.fill(block, Double.NaN);
        for (int i = 0; i < n; i++) {
            luma[i] = 120 + random.nextDouble() * 0.3;
            motion[i] = i == 0 ? 0 : 0.8 + random.nextDouble() * 0.2;
            u[i] = 128;
            v[i] = 128;
            if (i % 3 == 0) {
                blur[i] = 4.5;
                softness[i] = 0.3;
            }
            if (i % 4 == 0) {
                block[i] = 1.3;
            }
        }
    }

    int frame(double seconds) {
        return (int) Math.round(seconds * FPS);
    }

    /** A falling object landing at {@code seconds}: motion ramps up for half a second, then dies away. */
    SyntheticClip impact(double seconds) {
        int at = frame(seconds);
        for (int k = 0; k < 12; k++) {
            motion[at - k] += 3.0 * (12 - k) / 12;
        }
        motion[at + 1] += 1.5;
        return this;
    }

    /** A bounce landing at {@code seconds}, as tall as the {@code landing} before it times {@code ratio}. */
    SyntheticClip bounce(double landing, double seconds, double ratio) {
        int from = frame(landing) + 2;
        int at = frame(seconds);
        double height = motion[frame(landing)] * ratio;
        for (int i = from; i <= at; i++) {
            motion[i] = motion[from] + (height - motion[from]) * (i - from) / (at - from);
        }
        return this;
    }

    SyntheticClip cut(double seconds) {
        motion[frame(seconds)] = 20;
        for (int i = frame(seconds); i < n; i++) {
            shot[i]++;
        }
        return this;
    }

    /**
     * The picture stops from {@code from} to {@code to} seconds, as a provider's freeze does: freezedetect reports
     * the stretch, the frames repeat (no motion, the texture's drift held) and the motion catches up after it.
     */
    SyntheticClip freeze(double from, double to) {
        frozen.add(new Interval(from, to));
        for (int i = frame(from) + 1; i <= Math.min(n - 1, frame(to)); i++) {
            motion[i] = 0;
            held[i] = true;
        }
        if (frame(to) + 1 < n) {
            motion[frame(to) + 1] = 3.0 * motion[Math.max(0, frame(from))] + 1;
        }
        return this;
    }

    /**
     * Nothing moves from {@code from} to {@code to} seconds, as in a still life under a locked-off camera: the
     * frames repeat, and the picture was still before and stays still after.
     */
    SyntheticClip stillLife(double from, double to) {
        frozen.add(new Interval(from, to));
        for (int i = Math.max(1, frame(from) - 3); i <= Math.min(n - 1, frame(to) + 3); i++) {
            motion[i] = 0.05;
            held[i] = i > frame(from) && i <= frame(to);
        }
        return this;
    }

    /**
     * The held frame at {@code seconds} is re-coded, as an encoder's key frame does: a little brighter everywhere, its
     * edges where they were.
     */
    SyntheticClip pulse(double seconds) {
        int at = frame(seconds);
        held[at] = held[at - 1];
        luma[at] += 6;
        motion[at] = 0.3;
        return this;
    }

    /** Each frame's texture scaled to its luma, with its chroma, as RGB; a slow drift of the texture is the motion. */
    FrameThumbnails thumbnails() {
        byte[] rgb = new byte[n * THUMB_WIDTH * THUMB_HEIGHT * 3];
        double shown = 0;
        for (int i = 0; i < n; i++) {
            shown = held[i] ? shown : i * DRIFT_PER_FRAME;
            SplittableRandom texture = new SplittableRandom(seed * 31 + shot[i]);
            double fx = 0.4 + texture.nextDouble();
            double fy = 0.3 + texture.nextDouble();
            double phase = texture.nextDouble() * 6 + shown;
            for (int p = 0; p < THUMB_WIDTH * THUMB_HEIGHT; p++) {
                int x = p % THUMB_WIDTH;
                int y = p / THUMB_WIDTH;
                double pattern = 0.75 + 0.25 * contrast[i] * Math.sin(fx * x + phase) * Math.cos(fy * y + 0.5 * phase);
                double yy = luma[i] * pattern;
                double r = yy + 1.403 * (v[i] - 128);
                double g = yy - 0.344 * (u[i] - 128) - 0.714 * (v[i] - 128);
                double b = yy + 1.773 * (u[i] - 128);
                int at = (i * THUMB_WIDTH * THUMB_HEIGHT + p) * 3;
                rgb[at] = (byte) clamp(r);
                rgb[at + 1] = (byte) clamp(g);
                rgb[at + 2] = (byte) clamp(b);
            }
        }
        return new FrameThumbnails(THUMB_WIDTH, THUMB_HEIGHT, rgb);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    public ClipMetrics metrics() {
        double[] strength = new double[(int) (n / FPS / 0.005)];
        return new ClipMetrics(
                new ProbeResult(n / FPS, 360, 640, FPS, "h264", "aac", 48000, 2),
                n / FPS,
                luma,
                motion,
                u,
                v,
                new double[n],
                blur,
                softness,
                block,
                frozen,
                black,
                onsets,
                strength,
                0.005,
                -23,
                new byte[0],
                thumbnails(),
                List.of());
    }
}
