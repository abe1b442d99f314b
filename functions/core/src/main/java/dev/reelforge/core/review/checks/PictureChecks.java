package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The picture-quality checks: flicker, colour drift, blur, blockiness, frozen and black stretches. */
public final class PictureChecks {
    private static final double DRIFT_SMOOTHING_SECONDS = 0.5;
    private static final double MIN_SHOT_SECONDS = 1.0;

    private PictureChecks() {}

    /** 90th percentile of the luma's second difference |Y[i] − (Y[i−1] + Y[i+1]) / 2| outside cuts and black edges. */
    public static Check flicker(ClipMetrics m, ShotStructure shots, ReviewThresholds t) {
        double[] y = m.luma();
        double[] jump = new double[y.length];
        boolean[] skip = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            skip[i] = i == 0 || i == y.length - 1 || shots.excluded()[i] || shots.excluded()[i - 1] || shots.excluded()[i + 1];
            jump[i] = skip[i] ? Double.NaN : Math.abs(y[i] - (y[i - 1] + y[i + 1]) / 2);
        }
        double value = orZero(SeriesStats.percentile(jump, skip, 0.9));
        return check("flicker", value <= t.flicker(), value, t.flicker(), "luma levels",
                fmt("frame-to-frame brightness jumps: 90th percentile %.2f luma levels", value),
                "keep the lighting constant within each shot; remove flicker");
    }

    /** Largest drift of the smoothed mean colour (Y, U, V distance) inside any shot of at least a second. */
    public static Check colourDrift(ClipMetrics m, ShotStructure shots, List<Integer> boundaryFrames, ReviewThresholds t) {
        boolean[] black = ShotStructure.blackFrames(m);
        List<Integer> edges = new ArrayList<>(boundaryFrames);
        edges.addAll(shots.cuts());
        edges.add(0);
        edges.add(m.frameCount());
        List<Integer> sorted = edges.stream().distinct().sorted().toList();
        int window = Math.max(1, (int) Math.round(DRIFT_SMOOTHING_SECONDS * m.fps()));
        double worst = 0;
        double worstAt = 0;
        for (int s = 0; s + 1 < sorted.size(); s++) {
            int from = sorted.get(s) + 1;
            int to = sorted.get(s + 1) - 1;
            if ((to - from) / m.fps() < MIN_SHOT_SECONDS) {
                continue;
            }
            double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = from; i + window <= to; i++) {
                double[] mean = new double[3];
                int count = 0;
                for (int k = i; k < i + window; k++) {
                    if (!black[k]) {
                        mean[0] += m.luma()[k];
                        mean[1] += m.chromaU()[k];
                        mean[2] += m.chromaV()[k];
                        count++;
                    }
                }
                for (int c = 0; c < 3 && count > 0; c++) {
                    lo[c] = Math.min(lo[c], mean[c] / count);
                    hi[c] = Math.max(hi[c], mean[c] / count);
                }
            }
            if (lo[0] == Double.MAX_VALUE) {
                continue;
            }
            double drift = Math.sqrt(sq(hi[0] - lo[0]) + sq(hi[1] - lo[1]) + sq(hi[2] - lo[2]));
            if (drift > worst) {
                worst = drift;
                worstAt = m.timeOf(from);
            }
        }
        return check("colour-drift", worst <= t.colourDrift(), worst, t.colourDrift(), "YUV levels",
                fmt("largest colour/brightness drift inside one shot: %.1f levels (shot from %.2f s)", worst, worstAt),
                "keep exposure and white balance constant within each shot");
    }

    /** Median edge width (blurdetect) over the sampled frames; a blocky picture reads as soft, so blockiness wins. */
    public static Check blur(ClipMetrics m, ReviewThresholds t) {
        double value = orZero(SeriesStats.median(m.blur(), ShotStructure.blackFrames(m)));
        double blocks = orZero(SeriesStats.median(m.blockiness(), ShotStructure.blackFrames(m)));
        boolean blocky = blocks > t.blockiness();
        boolean passed = value <= t.blur() || blocky;
        return check("blur", passed, value, t.blur(), "px edge width",
                fmt("median edge width %.2f px at the analysis size%s", value,
                        blocky && value > t.blur() ? " (softness explained by blockiness)" : ""),
                "sharp focus on the subject; no motion blur");
    }

    /** Median 8×8 block-edge strength on the weaker axis of the grid, so one-directional texture is not blocks. */
    public static Check blockiness(ClipMetrics m, ReviewThresholds t) {
        double value = orZero(SeriesStats.median(m.blockiness(), ShotStructure.blackFrames(m)));
        return check("blockiness", value <= t.blockiness(), value, t.blockiness(), "blockdetect",
                fmt("median 8x8 block visibility %.2f on the weaker grid axis (clean reads about 1.5 or less)", value),
                "clean, high-bitrate detail; no compression blocks");
    }

    /** Longest frozen stretch that is not simply a black one. */
    public static Check frozen(ClipMetrics m, ReviewThresholds t) {
        Interval worst = null;
        for (Interval freeze : m.frozen()) {
            boolean mostlyBlack = m.black().stream().anyMatch(b -> overlap(b, freeze) > 0.5 * freeze.duration());
            if (!mostlyBlack && (worst == null || freeze.duration() > worst.duration())) {
                worst = freeze;
            }
        }
        double value = worst == null ? 0 : worst.duration();
        return check("frozen", value < t.frozenSeconds(), value, t.frozenSeconds(), "s",
                worst == null ? "no frozen stretch" : fmt("frozen for %.2f s from %.2f s", value, worst.startSeconds()),
                "keep motion continuous; no frozen frames");
    }

    public static Check black(ClipMetrics m, ReviewThresholds t) {
        Interval worst = m.black().stream().max((a, b) -> Double.compare(a.duration(), b.duration())).orElse(null);
        double value = worst == null ? 0 : worst.duration();
        return check("black", value < t.blackSeconds(), value, t.blackSeconds(), "s",
                worst == null ? "no black stretch" : fmt("black for %.2f s from %.2f s", value, worst.startSeconds()),
                "no black frames; keep the scene lit from start to end");
    }

    static Check check(String name, boolean passed, double value, double threshold, String unit, String detail, String fix) {
        return new Check(name, passed, round(value), threshold, unit, detail, passed ? "" : fix);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static double overlap(Interval a, Interval b) {
        return Math.max(0, Math.min(a.endSeconds(), b.endSeconds()) - Math.max(a.startSeconds(), b.startSeconds()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double sq(double v) {
        return v * v;
    }
}
