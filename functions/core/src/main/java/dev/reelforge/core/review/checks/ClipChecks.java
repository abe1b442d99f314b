package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ConformanceCheck;
import java.util.List;

/**
 * The whole checklist for one clip, in report order: conformance, flicker, unexpected-cut, colour-drift, blur,
 * blockiness, frozen, black, audio-cues, av-sync, dialogue, motion, continuity, framing. Pure: the same metrics always give the
 * same checks. Cuts are expected only at the storyboard's shot boundaries ({@link ShotBoundaries}).
 *
 * <pre>{@code
 * List<Check> checks = ClipChecks.evaluate(metrics, request.settings(), request.storyboard(), thresholds);
 * }</pre>
 */
public final class ClipChecks {
    public static final List<String> NAMES = List.of(
            "conformance",
            "flicker",
            "unexpected-cut",
            "colour-drift",
            "blur",
            "blockiness",
            "frozen",
            "black",
            "audio-cues",
            "av-sync",
            "dialogue",
            "motion",
            "continuity",
            "framing");

    private ClipChecks() {}

    /** The checklist against the settings the clip was ordered with (conformance reads {@link ClipMetrics#probe()}). */
    public static List<Check> evaluate(
            ClipMetrics m, RenderSettings ordered, Storyboard storyboard, ReviewThresholds t) {
        return evaluate(ConformanceCheck.evaluate(m.probe(), ordered), m, storyboard, t);
    }

    /** The checklist with a conformance result computed elsewhere (e.g. a clip reviewed without its request). */
    public static List<Check> evaluate(Check conformance, ClipMetrics m, Storyboard storyboard, ReviewThresholds t) {
        ShotStructure shots = ShotStructure.of(m);
        List<Integer> boundaries = ShotBoundaries.of(storyboard).stream()
                .map(s -> (int) Math.round(s * m.fps()))
                .toList();
        return List.of(
                conformance,
                PictureChecks.flicker(m, shots, t),
                storyboard.beats().isEmpty()
                        ? Check.notApplicable(
                                "unexpected-cut",
                                0,
                                "cuts",
                                shots.cuts().size() + " cut(s) found; no storyboard to judge them against")
                        : TimingChecks.unexpectedCut(m, shots, boundaries, t),
                ColourDrift.evaluate(m, shots, boundaries, t),
                PictureChecks.blur(m, shots, t),
                PictureChecks.blockiness(m, t),
                PictureChecks.frozen(m, shots, t),
                PictureChecks.black(m, t),
                TimingChecks.audioCues(m, storyboard, t),
                TimingChecks.avSync(m, shots, storyboard, t),
                DialogueCheck.evaluate(
                        m.speechOnsets(), m.hasAudio(), m.fps(), storyboard, t.dialogueToleranceFrames()),
                MotionCheck.evaluate(m, storyboard, shots, boundaries, t),
                SceneChecks.continuity(m, shots, storyboard, boundaries, t),
                SceneChecks.framing(m, shots, storyboard.beats().isEmpty() ? shots.cuts() : boundaries, t));
    }
}
