package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ConformanceCheck;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole checklist for one clip, in report order: conformance, flicker, unexpected-cut, colour-drift, blur,
 * blockiness, frozen, black, audio-cues, av-sync, dialogue, motion, continuity, framing. Pure: the same metrics always give the
 * same checks; continuity, the costliest, runs on a pool thread beside the others (the checks only read the
 * metrics and the shot structure). Cuts are expected only at the storyboard's shot boundaries ({@link ShotBoundaries}). A clip from a
 * model that renders no sound ({@link Soundtrack}) is not measured on audio-cues, av-sync or dialogue.
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
        return evaluate(m, ordered, storyboard, t, Soundtrack.expected());
    }

    /** As above, for a clip whose model does or does not render sound. */
    public static List<Check> evaluate(
            ClipMetrics m, RenderSettings ordered, Storyboard storyboard, ReviewThresholds t, Soundtrack sound) {
        return evaluate(ConformanceCheck.evaluate(m.probe(), ordered, sound.rendered()), m, storyboard, t, sound);
    }

    /** The checklist with a conformance result computed elsewhere (e.g. a clip reviewed without its request). */
    public static List<Check> evaluate(Check conformance, ClipMetrics m, Storyboard storyboard, ReviewThresholds t) {
        return evaluate(conformance, m, storyboard, t, Soundtrack.expected());
    }

    /** The checklist with a conformance result computed elsewhere, for a clip of a model with or without sound. */
    public static List<Check> evaluate(
            Check conformance, ClipMetrics m, Storyboard storyboard, ReviewThresholds t, Soundtrack sound) {
        ShotStructure shots = ShotStructure.of(m);
        List<Integer> boundaries = ShotBoundaries.of(storyboard).stream()
                .map(s -> (int) Math.round(s * m.fps()))
                .toList();
        CompletableFuture<Check> continuity =
                CompletableFuture.supplyAsync(() -> SceneChecks.continuity(m, shots, storyboard, boundaries, t));
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
                sound.rendered()
                        ? TimingChecks.audioCues(m, storyboard, t)
                        : sound.notApplicable("audio-cues", t.audioCueToleranceFrames(), "frames", cues(storyboard)),
                sound.rendered()
                        ? TimingChecks.avSync(m, shots, storyboard, t)
                        : sound.notApplicable("av-sync", t.avSyncMs(), "ms", cues(storyboard)),
                sound.rendered()
                        ? DialogueCheck.evaluate(
                                m.speechOnsets(), m.hasAudio(), m.fps(), storyboard, t.dialogueToleranceFrames())
                        : sound.notApplicable("dialogue", t.dialogueToleranceFrames(), "frames", cues(storyboard)),
                MotionCheck.evaluate(m, storyboard, shots, boundaries, t),
                joined(continuity),
                SceneChecks.framing(m, shots, storyboard.beats().isEmpty() ? shots.cuts() : boundaries, t));
    }

    /** A check computed on another thread, with its own exception (not a CompletionException) if it failed. */
    private static Check joined(CompletableFuture<Check> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static int cues(Storyboard storyboard) {
        return storyboard.audioCues().size();
    }
}
