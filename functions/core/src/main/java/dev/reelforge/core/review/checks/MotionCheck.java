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
 * Plausibility proxies for physics: a beat whose text says something moves must show motion energy for at least
 * {@value #SUSTAINED_SECONDS} s of it (the action may be a short part of a long beat), and no frame
 * may jump like a teleport (a one-frame motion spike far above its neighbours that is neither a detected cut nor at
 * a beat boundary, where the storyboard expects a change of shot).
 */
public final class MotionCheck {
    static final Pattern MOVES = Pattern.compile(
            "\\b(fall|falls|falling|fell|(?<!(the|a|an|each|one|dew|rain|water|tear) )drops?|dropping|tip|tips|tipping|roll|rolls"
                    + "|rolling|move|moves|moving|run|runs|running|walk|walks|walking|fly|flies|flying|jump|jumps|jumping|spin|spins"
                    + "|spinning|slide|slides|sliding|bounce|bounces|bouncing|throw|throws|pour|pours|pouring|swing|swings|shatter"
                    + "|shatters|crash|crashes|hit|hits|hitting|splash|splashes)\\b");
    private static final double TELEPORT_MIN_LEVELS = 3;
    /** A fall from table height lasts about 0.3–0.45 s: a beat moves when it moves for at least this long. */
    private static final double SUSTAINED_SECONDS = 0.2;

    private MotionCheck() {}

    /**
     * The frames around each cut, whose change is the cut's, not motion. Frames next to a freeze count: the jump
     * out of a freeze is the picture catching up with a movement.
     */
    private static boolean[] cutFrames(ShotStructure shots, int frames) {
        boolean[] cut = ShotStructure.markNear(new boolean[frames], shots.cuts(), 1);
        if (frames > 0) {
            cut[0] = true;
        }
        return cut;
    }

    public static Check evaluate(
            ClipMetrics m,
            Storyboard storyboard,
            ShotStructure shots,
            List<Integer> boundaryFrames,
            ReviewThresholds t) {
        List<String> problems = new ArrayList<>();
        boolean[] cuts = cutFrames(shots, m.frameCount());
        for (Beat beat : storyboard.beats()) {
            if (!MOVES.matcher(beat.description().toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            int from = Math.max(1, (int) Math.ceil(beat.startSeconds() * m.fps()));
            int to = Math.min(m.frameCount(), (int) Math.floor(beat.endSeconds() * m.fps()));
            if (to <= from) {
                continue;
            }
            double[] inBeat = Arrays.copyOfRange(m.motion(), from, to);
            boolean[] skip = Arrays.copyOfRange(cuts, from, to);
            double energy =
                    SeriesStats.sustained(inBeat, skip, Math.max(1, (int) Math.round(SUSTAINED_SECONDS * m.fps())));
            if (Double.isNaN(energy) || energy < t.motionMin()) {
                problems.add(fmt(
                        "beat %.1f–%.1f s says something moves but motion energy is %.2f",
                        beat.startSeconds(), beat.endSeconds(), Double.isNaN(energy) ? 0 : energy));
            }
        }
        boolean[] atBoundary = ShotStructure.markNear(
                new boolean[m.frameCount()], boundaryFrames, (int) Math.floor(t.cutToleranceFrames()));
        for (int i = 1; i < m.frameCount(); i++) {
            if (!atBoundary[i]
                    && !shots.excluded()[i]
                    && shots.spike()[i] >= t.teleportSpike()
                    && m.motion()[i] >= TELEPORT_MIN_LEVELS) {
                problems.add(fmt(
                        "teleport-like jump at %.2f s (%.0f× the surrounding motion)", m.timeOf(i), shots.spike()[i]));
            }
        }
        return check(
                "motion",
                problems.isEmpty(),
                problems.size(),
                0,
                "problems",
                problems.isEmpty()
                        ? "motion where the storyboard asks for it; no teleport-like jumps"
                        : String.join("; ", problems),
                "make the motion physically plausible: objects fall under gravity and keep their weight");
    }
}
