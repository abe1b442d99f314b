package dev.reelforge.media.render;

import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.sequence.JoinReview;
import dev.reelforge.core.sequence.StitchPlan;
import dev.reelforge.core.sequence.Transition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a stitched clip at its joins for {@link JoinReview}: the stitched clip and each shot's own clip are
 * decoded to small RGB thumbnails, and each stitched frame around a join is fitted, by least squares on the luma,
 * as an offset plus a weight of the shot before and a weight of the shot after at the same moment; alpha is the
 * after-shot's share of the two weights, so a grade's gain or lift does not move it. Frames where the two shots'
 * pictures agree (correlation above {@value #AGREE}) cannot be told apart and are left out. Thread-safe.
 */
public final class JoinMeasurement {
    static final int WIDTH = 48;
    static final double AGREE = 0.98;
    private static final int MARGIN_FRAMES = 3;

    private final Ffmpeg ffmpeg;

    public JoinMeasurement(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * The joins the stitch made between {@code shots} (crossfades of {@code crossfade} seconds), reviewed on
     * {@code stitched}; empty when the stitched clip is framed otherwise than the shots (another aspect ratio), where
     * frames cannot be compared pixel for pixel.
     */
    public List<JoinReview.Result> review(Path stitched, List<Path> shots, double crossfade) {
        FfprobeClipProbe probe = new FfprobeClipProbe(ffmpeg);
        ProbeResult whole = probe.probe(stitched);
        List<ProbeResult> facts = shots.stream().map(probe::probe).toList();
        ProbeResult first = facts.get(0);
        double aspect = (double) first.width() / first.height();
        if (Math.abs((double) whole.width() / whole.height() / aspect - 1) > 0.02) {
            return List.of();
        }
        int fps = (int) Math.round(whole.fps() > 0 ? whole.fps() : first.fps());
        return review(
                stitched,
                shots,
                facts.stream().map(ProbeResult::durationSeconds).toList(),
                crossfade,
                fps,
                first.width(),
                first.height());
    }

    List<JoinReview.Result> review(
            Path stitched, List<Path> shots, List<Double> seconds, double crossfade, int fps, int width, int height) {
        int h = Math.max(2, (int) Math.round(WIDTH * (double) height / width / 2) * 2);
        Frames whole = decode(stitched, h);
        List<JoinReview.Result> results = new ArrayList<>();
        double start = 0;
        Frames before = decode(shots.get(0), h);
        for (int i = 1; i < shots.size(); i++) {
            double previousStart = start;
            start += seconds.get(i - 1) - crossfade;
            Frames after = decode(shots.get(i), h);
            StitchPlan.Join join =
                    new StitchPlan.Join(i, i + 1, Transition.CROSSFADE, start + crossfade / 2, crossfade);
            int from = (int) Math.round(start * fps) - MARGIN_FRAMES;
            int to = (int) Math.round((start + crossfade) * fps) + MARGIN_FRAMES;
            double[] alpha = new double[to - from + 1];
            for (int k = from; k <= to; k++) {
                double t = (double) k / fps;
                alpha[k - from] =
                        alpha(whole.luma(k), before.luma((int) Math.round((t - previousStart) * fps)), after.luma((int)
                                Math.round((t - start) * fps)));
            }
            double continuity = distance(whole.meanYuv(from - 1), whole.meanYuv(to + 1));
            results.add(JoinReview.judge(join, fps, new JoinReview.Measured(i, from, alpha, continuity)));
            before = after;
        }
        return results;
    }

    /** The after-shot's share in {@code s ≈ c + a·x + b·y}, or NaN where x and y cannot be told apart. */
    static double alpha(double[] s, double[] x, double[] y) {
        double[] sc = centred(s);
        double[] xc = centred(x);
        double[] yc = centred(y);
        double xx = dot(xc, xc);
        double yy = dot(yc, yc);
        double xy = dot(xc, yc);
        if (xx < 1e-9 || yy < 1e-9 || xy / Math.sqrt(xx * yy) > AGREE) {
            return Double.NaN;
        }
        double xs = dot(xc, sc);
        double ys = dot(yc, sc);
        double det = xx * yy - xy * xy;
        double a = (xs * yy - ys * xy) / det;
        double b = (ys * xx - xs * xy) / det;
        if (a + b < 0.2) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, b / (a + b)));
    }

    private static double[] centred(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i] - mean;
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
    }

    private static double sq(double x) {
        return x * x;
    }

    private Frames decode(Path clip, int height) {
        byte[] rgb = ffmpeg.run(
                        "decoding thumbnails to review the joins",
                        List.of(
                                "-v",
                                "error",
                                "-i",
                                clip.toString(),
                                "-vf",
                                "scale=" + WIDTH + ":" + height + ":flags=area,format=rgb24",
                                "-f",
                                "rawvideo",
                                "pipe:1"),
                        Duration.ofSeconds(120))
                .stdout();
        return new Frames(rgb, WIDTH * height);
    }

    /** Decoded thumbnails; a frame index outside the clip reads its nearest frame. */
    private record Frames(byte[] rgb, int pixels) {
        int count() {
            return rgb.length / (pixels * 3);
        }

        private int offset(int frame) {
            return Math.max(0, Math.min(count() - 1, frame)) * pixels * 3;
        }

        double[] luma(int frame) {
            int o = offset(frame);
            double[] y = new double[pixels];
            for (int p = 0; p < pixels; p++) {
                int i = o + p * 3;
                y[p] = 0.299 * (rgb[i] & 0xff) + 0.587 * (rgb[i + 1] & 0xff) + 0.114 * (rgb[i + 2] & 0xff);
            }
            return y;
        }

        double[] meanYuv(int frame) {
            int o = offset(frame);
            double y = 0;
            double u = 0;
            double v = 0;
            for (int p = 0; p < pixels; p++) {
                int i = o + p * 3;
                double r = rgb[i] & 0xff;
                double g = rgb[i + 1] & 0xff;
                double b = rgb[i + 2] & 0xff;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                y += luma;
                u += 0.564 * (b - luma);
                v += 0.713 * (r - luma);
            }
            return new double[] {y / pixels, u / pixels, v / pixels};
        }
    }
}
