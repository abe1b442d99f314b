package dev.reelforge.core.review.checks;

import static dev.reelforge.core.review.checks.PictureChecks.check;
import static dev.reelforge.core.review.checks.PictureChecks.fmt;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks about one world: {@code continuity} (the palette and the light stay put inside a shot and across cuts
 * between shots of one scene) and {@code framing} (the subject stays in frame). Both read the thumbnails through
 * {@link ShotStructure}.
 */
public final class SceneChecks {
    /** A beat that says so starts a new scene, where palette and light may change with the cut. */
    static final Pattern NEW_SCENE =
            Pattern.compile("\\b(meanwhile|later|elsewhere|next (day|morning|night|scene)|flashback"
                    + "|new scene|scene \\d+|int\\.|ext\\.|years (later|earlier)|the next day)");
    /** How much of each side of a cut is compared, seconds (skipping the frames next to it). */
    static final double SIDE_SECONDS = 0.5;
    /** The title-safe area: the subject's centre stays this far from every edge (share of the side). */
    static final double TITLE_SAFE_MARGIN = 0.1;
    /** A frame with fewer edge pixels than this share of its shot's own (90th percentile) shows no subject. */
    static final double PRESENCE = 0.3;
    /**
     * A frame with fewer than this share of its thumbnail's pixels on an edge ({@link SubjectEdges}) shows nothing to
     * locate: an outline around a tenth of the frame's height takes about 1 %. A clip whose frames stay under it (a
     * flat picture, smooth ramps, a pattern too fine for the thumbnails) has no subject to follow; in a clip that has
     * one, such a frame has lost it, whatever its shot holds. Natural footage reads 15–82 %, a background left
     * featureless under 0.5 %.
     */
    static final double NO_DETAIL = 0.01;

    private static final int GAP_FRAMES = 2;

    private SceneChecks() {}

    /**
     * Look jumps (palette or light) and palette steps ({@link PaletteSteps}: a re-grade inside a handheld shot)
     * inside a shot, and colour-temperature changes across cuts that stay in one scene.
     * A look jump within the cut tolerance of a storyboard shot boundary is the planned change of shot. The light's
     * direction is compared inside shots only: across a cut, screen-space light moves with the camera (shot/reverse
     * shot swaps it legitimately), so it is no evidence there.
     */
    public static Check continuity(
            ClipMetrics m,
            ShotStructure shots,
            Storyboard storyboard,
            List<Integer> shotBoundaries,
            ReviewThresholds t) {
        List<String> breaks = new ArrayList<>();
        double worst = 0;
        for (int jump : shots.lookJumps()) {
            if (shotBoundaries.stream().anyMatch(b -> Math.abs(b - jump) <= t.cutToleranceFrames())) {
                continue;
            }
            double size = shots.pictures().lookChange[jump];
            breaks.add(fmt("the palette or light jumps by %.0f levels at %.2f s inside a shot", size, m.timeOf(jump)));
            worst = Math.max(worst, size / ShotStructure.LOOK_JUMP);
        }
        boolean[] stillExcluded = nearShotEdges(m, shots, shotBoundaries);
        for (PaletteSteps.Step step :
                PaletteSteps.find(shots.pictures(), m.fps(), withFreezeEdges(stillExcluded, shots), stillExcluded)) {
            if (shots.lookJumps().stream()
                    .anyMatch(j -> Math.abs(j - step.frame()) <= m.fps() * PaletteSteps.SIDE_SECONDS)) {
                continue;
            }
            breaks.add(fmt(
                    "the palette shifts by %.0f levels%s at %.2f s inside a shot",
                    step.size(),
                    step.share() < 1 ? fmt(" in %.0f %% of what holds still", 100 * step.share()) : "",
                    m.timeOf(step.frame())));
            worst = Math.max(worst, step.severity());
        }
        int side = Math.max(2, (int) Math.round(SIDE_SECONDS * m.fps()));
        for (int cut : shots.cuts()) {
            if (cut - GAP_FRAMES - side < 1
                    || cut + GAP_FRAMES + side >= shots.pictures().thumbnails().frameCount()
                    || startsNewScene(storyboard, m.timeOf(cut), (t.cutToleranceFrames() + 1) / m.fps())) {
                continue;
            }
            double before = warmth(shots.pictures(), cut - GAP_FRAMES - side, cut - GAP_FRAMES);
            double after = warmth(shots.pictures(), cut + GAP_FRAMES, cut + GAP_FRAMES + side);
            double temperature = Math.abs(after - before);
            worst = Math.max(worst, temperature / t.continuityTemperature());
            if (temperature > t.continuityTemperature()) {
                breaks.add(fmt(
                        "colour temperature changes by %.1f levels across the cut at %.2f s",
                        temperature, m.timeOf(cut)));
            }
        }
        if (shots.pictures().thumbnails().frameCount() == 0) {
            return Check.notApplicable("continuity", 1, "× limit", "no thumbnails to compare");
        }
        return check(
                "continuity",
                breaks.isEmpty(),
                worst,
                1,
                "× limit",
                breaks.isEmpty()
                        ? fmt(
                                "palette and light hold inside each shot and across %d cut(s)",
                                shots.cuts().size())
                        : String.join("; ", breaks),
                "keep the same palette, lighting direction and subject colours throughout the scene");
    }

    /**
     * The share of frames whose subject (the centroid of the edges, {@link SubjectEdges}) stays inside the title-safe
     * area and is there at all: edges on at least {@value #NO_DETAIL} of the frame and {@value #PRESENCE} of its
     * shot's own. Shots are the storyboard's: a subject that slides out of the frame can read as a cut to a new, empty
     * shot, whose own detail would then excuse it (without a storyboard, pass the detected cuts); a shot that is empty
     * from its start is caught by the absolute floor.
     */
    public static Check framing(ClipMetrics m, ShotStructure shots, List<Integer> shotStarts, ReviewThresholds t) {
        FramePictures pictures = shots.pictures();
        int frames = Math.min(m.frameCount(), pictures.thumbnails().frameCount());
        SubjectEdges edges = SubjectEdges.of(pictures, frames);
        boolean[] skip = Arrays.copyOf(ShotStructure.blackFrames(m), frames);
        double[] reference = perShotReference(edges.share, skip, shotStarts);
        double clipDetail = frames == 0 ? Double.NaN : SeriesStats.percentile(edges.share, skip, 0.9);
        if (Double.isNaN(clipDetail) || clipDetail < NO_DETAIL) {
            return Check.notApplicable(
                    "framing", t.framingInFrame(), "share of frames", "no picture detail to locate a subject in");
        }
        int counted = 0;
        int out = 0;
        int firstOut = -1;
        for (int i = 0; i < frames; i++) {
            if (skip[i]) {
                continue;
            }
            counted++;
            boolean gone = edges.share[i] < NO_DETAIL || edges.share[i] < PRESENCE * reference[i];
            boolean offCentre = outside(edges.centroidX[i]) || outside(edges.centroidY[i]);
            if (gone || offCentre) {
                out++;
                firstOut = firstOut < 0 ? i : firstOut;
            }
        }
        double inFrame = counted == 0 ? 1 : 1 - (double) out / counted;
        return check(
                "framing",
                inFrame >= t.framingInFrame(),
                inFrame,
                t.framingInFrame(),
                "share of frames",
                out == 0
                        ? "the subject stays inside the title-safe area"
                        : fmt(
                                "the subject is out of the title-safe area or gone in %.0f %% of the frames (first at %.2f s)",
                                100 * (1 - inFrame), m.timeOf(firstOut)),
                "keep the subject fully in frame and inside the title-safe area");
    }

    /**
     * The frames a palette step may not span: those near a cut or a shot boundary (where the palette changes with the
     * shot) and near a black stretch.
     */
    private static boolean[] nearShotEdges(ClipMetrics m, ShotStructure shots, List<Integer> shotBoundaries) {
        int margin = (int) Math.round(PaletteSteps.SIDE_SECONDS * m.fps()) + 1;
        boolean[] edges = ShotStructure.markNear(ShotStructure.blackFrames(m), shots.cuts(), margin);
        return ShotStructure.markNear(edges, shotBoundaries, margin);
    }

    /**
     * The same, and the edges of a freeze for the median chroma (the picture catching up: the median jumps with the
     * content there, while the pixels that hold still through it do not move).
     */
    private static boolean[] withFreezeEdges(boolean[] nearShotEdges, ShotStructure shots) {
        boolean[] edges = nearShotEdges.clone();
        for (int i = 1; i < edges.length; i++) {
            edges[i] |= shots.excluded()[i];
        }
        return edges;
    }

    /** Per frame, the 90th percentile of the detail in its shot: shots differ in how much detail they hold. */
    private static double[] perShotReference(double[] detail, boolean[] skip, List<Integer> cuts) {
        double[] reference = new double[detail.length];
        List<Integer> edges = new ArrayList<>(cuts);
        edges.add(0, 0);
        edges.add(detail.length);
        for (int s = 0; s + 1 < edges.size(); s++) {
            int from = Math.min(edges.get(s), detail.length);
            int to = Math.min(edges.get(s + 1), detail.length);
            double shot = SeriesStats.percentile(
                    Arrays.copyOfRange(detail, from, to), Arrays.copyOfRange(skip, from, to), 0.9);
            for (int i = from; i < to; i++) {
                reference[i] = Double.isNaN(shot) ? 0 : shot;
            }
        }
        return reference;
    }

    private static boolean outside(double share) {
        return share < TITLE_SAFE_MARGIN || share > 1 - TITLE_SAFE_MARGIN;
    }

    private static boolean startsNewScene(Storyboard storyboard, double at, double toleranceSeconds) {
        for (Beat beat : storyboard.beats()) {
            if (Math.abs(beat.startSeconds() - at) <= toleranceSeconds) {
                return NEW_SCENE
                        .matcher(beat.description().toLowerCase(Locale.ROOT))
                        .find();
            }
        }
        return false;
    }

    /** The colour temperature of frames {@code from} to {@code to}: mean V minus mean U, levels. */
    private static double warmth(FramePictures pictures, int from, int to) {
        double warmth = 0;
        for (int i = from; i < to; i++) {
            double frame = 0;
            for (int p = 0; p < pictures.thumbnails().pixels(); p++) {
                frame += pictures.v(i, p) - pictures.u(i, p);
            }
            warmth += frame / pictures.thumbnails().pixels();
        }
        return warmth / (to - from);
    }
}
