package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The picture-quality checks: flicker, blur, blockiness, frozen and black stretches ({@link ColourDrift} apart). */
public final class PictureChecks {
    private static final double CATCH_UP_RATIO = 2;
    /** Motion energy (YDIF, luma levels) of a frame that visibly moves into or out of a freeze. */
    private static final double VISIBLE_MOTION = 0.4;
    /** Edge change (thumbnails) below which a frame moved nothing visible: {@link ShotStructure}'s repeated frame. */
    private static final double EDGES_MOVED = 0.01;

    private static final int KEY_FRAME_PULSE = 2;
    private static final int MIN_BLUR_SAMPLES_PER_SHOT = 3;

    private PictureChecks() {}

    /**
     * 90th percentile of the global brightness's second difference |g[i] − g[i+1]| / 2, where g is the median per-pixel
     * luma step between frames (thumbnails): a flicker moves every pixel, moving content only some, so a handheld
     * camera or a crowd does not read as flicker. Cuts and black edges are left out.
     */
    public static Check flicker(ClipMetrics m, ShotStructure shots, ReviewThresholds t) {
        double[] step = shots.pictures().brightnessStep;
        int n = step.length;
        double[] jump = new double[n];
        boolean[] skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            skip[i] = i == 0
                    || i == n - 1
                    || shots.excluded()[i]
                    || shots.excluded()[i - 1]
                    || shots.excluded()[i + 1]
                    || i + 1 >= shots.pictures().thumbnails().frameCount();
            jump[i] = skip[i] ? Double.NaN : Math.abs(step[i] - step[i + 1]) / 2;
        }
        double value = orZero(SeriesStats.percentile(jump, skip, 0.9));
        return check(
                "flicker",
                value <= t.flicker(),
                value,
                t.flicker(),
                "luma levels",
                fmt("frame-to-frame brightness jumps of the whole picture: 90th percentile %.2f luma levels", value),
                "keep the lighting constant within each shot; remove flicker");
    }

    /**
     * Median edge width (blurdetect) over the sampled frames, against two limits: the absolute width at the analysis
     * size, which soft natural footage (lenses, depth of field, dark CGI, upscaled sources) can approach, and the
     * rise of a shot's median over its own sharpest sample, which catches a picture that goes soft whatever its
     * content (shots differ in sharpness, so each is its own reference). Beside it, the same rise on the re-blur
     * softness ({@code softnessRise}): a defocus of a soft, grainy source leaves narrow edges of grain in the sharpest
     * blocks, which hold the edge width down, while the re-blur measure weighs every edge by its strength. A blocky
     * picture reads as soft, so blockiness wins.
     */
    public static Check blur(ClipMetrics m, ShotStructure shots, ReviewThresholds t) {
        boolean[] skip = ShotStructure.blackFrames(m);
        for (int i = 0; i < skip.length; i++) {
            skip[i] |= shots.excluded()[i] && i > 0;
        }
        double value = orZero(SeriesStats.median(m.blur(), skip));
        double[] sharpness = new double[m.softness().length];
        for (int i = 0; i < sharpness.length; i++) {
            sharpness[i] = 1 / Math.max(1e-6, 1 - m.softness()[i]);
        }
        List<Integer> edges = new ArrayList<>(shots.cuts());
        edges.add(0, 0);
        edges.add(m.frameCount());
        double[] widthRise = {1, value};
        double[] softRise = {1, Double.NaN};
        for (int s = 0; s + 1 < edges.size(); s++) {
            widthRise = worse(widthRise, rise(m.blur(), m.motion(), skip, edges.get(s), edges.get(s + 1)));
            softRise = worse(softRise, rise(sharpness, m.motion(), skip, edges.get(s), edges.get(s + 1)));
        }
        double blocks = orZero(SeriesStats.median(m.blockiness(), ShotStructure.blackFrames(m)));
        boolean blocky = blocks > t.blockiness();
        boolean soft = value > t.blur() || widthRise[0] > t.blurRise() || softRise[0] > t.softnessRise();
        return check(
                "blur",
                !soft || blocky,
                value,
                t.blur(),
                "px edge width",
                fmt(
                        "median edge width %.2f px at the analysis size; up to %.2f× the sharpest sample of its shot "
                                + "(%.2f px); re-blur softness up to %.2f× the sharpest sample's%s",
                        value,
                        widthRise[0],
                        widthRise[1],
                        softRise[0],
                        blocky && soft ? " (softness explained by blockiness)" : ""),
                "sharp focus on the subject; no motion blur");
    }

    private static double[] worse(double[] a, double[] b) {
        return b != null && b[0] > a[0] ? b : a;
    }

    /**
     * How much softer a shot is than its own sharpest moment, {rise, sharpest width}, or null when it has too few
     * samples: the median width of its calmer half (samples whose motion is at most the shot's median) over its
     * sharpest sample. A handheld camera's motion blur comes and goes with the motion, so the calm samples of a
     * clean shot are as sharp as it gets; a lens or encoder blur softens the calm samples as much as the others.
     */
    private static double[] rise(double[] width, double[] motion, boolean[] skip, int from, int to) {
        List<double[]> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(width[i]) && !skip[i]) {
                samples.add(new double[] {width[i], motion[i]});
            }
        }
        if (samples.size() < MIN_BLUR_SAMPLES_PER_SHOT) {
            return null;
        }
        double sharpest = samples.stream().mapToDouble(x -> x[0]).min().orElseThrow();
        double[] motions = samples.stream().mapToDouble(x -> x[1]).sorted().toArray();
        double calm = motions[motions.length / 2];
        double[] calmWidths = samples.stream()
                .filter(x -> x[1] <= calm)
                .mapToDouble(x -> x[0])
                .sorted()
                .toArray();
        return new double[] {calmWidths[calmWidths.length / 2] / Math.max(1e-6, sharpest), sharpest};
    }

    /** Median 8×8 block-edge strength on the weaker axis of the grid, so one-directional texture is not blocks. */
    public static Check blockiness(ClipMetrics m, ReviewThresholds t) {
        double value = orZero(SeriesStats.median(m.blockiness(), ShotStructure.blackFrames(m)));
        return check(
                "blockiness",
                value <= t.blockiness(),
                value,
                t.blockiness(),
                "blockdetect",
                fmt("median 8x8 block visibility %.2f on the weaker grid axis (clean reads about 1.5 or less)", value),
                "clean, high-bitrate detail; no compression blocks");
    }

    /**
     * Longest visible freeze that is not simply a black one: where freezedetect saw no change and the thumbnails
     * agree that the frames repeat (a quiet scene with a distant walker or a blinking cursor is not frozen), and the
     * picture either moved into the held stretch or jumps out of it. A still life held by a locked-off camera, or a
     * subject that has come to rest, repeats its frames too, but nothing stops or catches up there: a freeze no
     * viewer can see is not a defect (a beat that should move and does not is the motion check's).
     */
    public static Check frozen(ClipMetrics m, ShotStructure shots, ReviewThresholds t) {
        double worst = 0;
        double worstAt = 0;
        List<Integer> joins = new ArrayList<>();
        for (Interval freeze : joined(m.frozen(), 1.5 / m.fps(), m.fps(), joins)) {
            boolean mostlyBlack = m.black().stream().anyMatch(b -> overlap(b, freeze) > 0.5 * freeze.duration());
            if (mostlyBlack) {
                continue;
            }
            int from = (int) Math.round(freeze.startSeconds() * m.fps());
            int to = Math.min(m.frameCount() - 1, (int) Math.round(freeze.endSeconds() * m.fps()));
            int i = from + 1;
            while (i <= to) {
                if (!shots.pictures().held(i)) {
                    i++;
                    continue;
                }
                int first = i;
                while (i + 1 <= to
                        && (shots.pictures().held(i + 1) || keyFramePulse(shots.pictures(), i + 1, to, joins))) {
                    i++;
                }
                double seconds = (i - first + 1) / m.fps();
                if (seconds > worst
                        && visibleFreeze(m.motion(), shots.pictures().structureChange, first, i, VISIBLE_MOTION)) {
                    worst = seconds;
                    worstAt = m.timeOf(first - 1);
                }
                i++;
            }
        }
        double value = worst;
        return check(
                "frozen",
                value < t.frozenSeconds(),
                value,
                t.frozenSeconds(),
                "s",
                value == 0 ? "no frozen stretch" : fmt("frozen for %.2f s from %.2f s", value, worstAt),
                "keep motion continuous; no frozen frames");
    }

    /**
     * Whether frame {@code i} only pulses inside a held stretch: it lies where freezedetect split one stretch into two
     * that touch, and up to {@value #KEY_FRAME_PULSE} frames whose edges do not move lead to a held frame again. An
     * encoder's key frame re-codes the texture of a frozen picture a little everywhere, which freezedetect reads as a
     * new stretch but is no motion. Elsewhere a frame that is not held is not bridged: a small walker in a still
     * scene moves no edge on the thumbnails either.
     */
    private static boolean keyFramePulse(FramePictures pictures, int i, int to, List<Integer> joins) {
        if (joins.stream().noneMatch(j -> Math.abs(j - i) <= KEY_FRAME_PULSE)) {
            return false;
        }
        for (int k = i; k <= Math.min(to, i + KEY_FRAME_PULSE); k++) {
            if (pictures.held(k)) {
                return k > i;
            }
            if (pictures.structureChange[k] >= EDGES_MOVED) {
                return false;
            }
        }
        return false;
    }

    /** Freezedetect stretches with those that touch (within {@code gapSeconds}) joined into one; the frames where two met go to {@code joins}. */
    private static List<Interval> joined(List<Interval> intervals, double gapSeconds, double fps, List<Integer> joins) {
        List<Interval> out = new ArrayList<>();
        for (Interval interval : intervals.stream()
                .sorted((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()))
                .toList()) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && interval.startSeconds() - last.endSeconds() <= gapSeconds) {
                out.set(
                        out.size() - 1,
                        new Interval(last.startSeconds(), Math.max(last.endSeconds(), interval.endSeconds())));
                joins.add((int) Math.round(interval.startSeconds() * fps));
            } else {
                out.add(interval);
            }
        }
        return out;
    }

    /**
     * Whether frames {@code first..last}, which repeat their predecessors, show as a freeze: the picture was moving
     * into them (the frame before changed by at least {@code moving} and its edges moved), or it jumps out of them
     * (the next change is at least {@code moving}, its edges move, and it is more than {@value #CATCH_UP_RATIO}× the
     * change after it: the motion catching up; a movement that starts from rest grows instead). An encoder's key
     * frame changes the texture everywhere a little but moves no edge, so it neither enters nor leaves a freeze.
     */
    static boolean visibleFreeze(double[] motion, double[] structureChange, int first, int last, double moving) {
        int before = first - 1;
        boolean movedIn = before >= 1 && motion[before] >= moving && structureChange[before] >= EDGES_MOVED;
        int exit = last + 1;
        boolean jumpsOut = exit < motion.length
                && motion[exit] >= moving
                && structureChange[exit] >= EDGES_MOVED
                && (exit + 1 >= motion.length || motion[exit] > CATCH_UP_RATIO * motion[exit + 1]);
        return movedIn || jumpsOut;
    }

    public static Check black(ClipMetrics m, ReviewThresholds t) {
        Interval worst = m.black().stream()
                .max((a, b) -> Double.compare(a.duration(), b.duration()))
                .orElse(null);
        double value = worst == null ? 0 : worst.duration();
        return check(
                "black",
                value < t.blackSeconds(),
                value,
                t.blackSeconds(),
                "s",
                worst == null ? "no black stretch" : fmt("black for %.2f s from %.2f s", value, worst.startSeconds()),
                "no black frames; keep the scene lit from start to end");
    }

    static Check check(
            String name, boolean passed, double value, double threshold, String unit, String detail, String fix) {
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
}
