package dev.reelforge.core.review.checks;

import static dev.reelforge.core.review.checks.PictureChecks.check;
import static dev.reelforge.core.review.checks.PictureChecks.fmt;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.SpokenCue;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code dialogue}: each spoken cue ({@link SpokenCue}, e.g. {@code she says 'over here' at 00:02}) needs a detected
 * speech onset within the tolerance, in frames of this clip. Only the cues that quote or report speech take part:
 * the others are sounds, for {@code audio-cues}. Not applicable, and passed, when no cue is spoken; failed when cues
 * are spoken but the clip has no audio stream. Pure.
 *
 * <pre>{@code
 * Check dialogue = DialogueCheck.evaluate(speechOnsets, metrics.hasAudio(), metrics.fps(), storyboard, 3);
 * }</pre>
 */
public final class DialogueCheck {
    static final String NAME = "dialogue";
    /** The value reported when a spoken cue has no speech to match at all. */
    static final double NO_SPEECH = 999;

    private static final String FIX =
            "start each spoken line exactly at its timed moment, clearly audible over the music and effects";

    private DialogueCheck() {}

    public static Check evaluate(
            List<Double> speechOnsets, boolean hasAudio, double fps, Storyboard storyboard, double toleranceFrames) {
        List<AudioCue> lines =
                storyboard.audioCues().stream().filter(SpokenCue::isSpeech).toList();
        if (lines.isEmpty()) {
            return check(
                    NAME,
                    true,
                    0,
                    toleranceFrames,
                    "frames",
                    "not applicable: no spoken cue (no timed audio cue quotes words or says that someone speaks)",
                    "");
        }
        if (!hasAudio) {
            return check(
                    NAME,
                    false,
                    NO_SPEECH,
                    toleranceFrames,
                    "frames",
                    fmt(
                            "no audio stream, but %d spoken cue(s) " + "expect speech: %s",
                            lines.size(),
                            lines.stream().map(DialogueCheck::describe).collect(Collectors.joining(", "))),
                    "render the clip with its dialogue track");
        }
        double worst = 0;
        List<String> misses = new ArrayList<>();
        for (AudioCue line : lines) {
            double offset = nearestOffset(speechOnsets, line.atSeconds());
            double frames = Double.isNaN(offset) ? NO_SPEECH : Math.abs(offset) * fps;
            worst = Math.max(worst, frames);
            if (frames > toleranceFrames) {
                misses.add(
                        Double.isNaN(offset)
                                ? describe(line) + ": no speech detected"
                                : fmt(
                                        "%s: nearest speech starts %.0f ms %s (%.1f frames)",
                                        describe(line),
                                        Math.abs(offset) * 1000,
                                        offset > 0 ? "late" : "early",
                                        frames));
            }
        }
        return check(
                NAME,
                misses.isEmpty(),
                worst,
                toleranceFrames,
                "frames",
                misses.isEmpty()
                        ? fmt("%d spoken cue(s) matched by speech onsets, worst %.1f frames off", lines.size(), worst)
                        : String.join("; ", misses),
                FIX);
    }

    /** The signed distance (onset − cue) to the nearest onset; NaN when there is none. */
    private static double nearestOffset(List<Double> onsets, double at) {
        double best = Double.NaN;
        for (double onset : onsets) {
            if (Double.isNaN(best) || Math.abs(onset - at) < Math.abs(best)) {
                best = onset - at;
            }
        }
        return best;
    }

    private static String describe(AudioCue line) {
        return fmt("'%s' at %.2f s", line.description(), line.atSeconds());
    }
}
