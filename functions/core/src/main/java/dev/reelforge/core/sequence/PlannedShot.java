package dev.reelforge.core.sequence;

import dev.reelforge.core.request.Storyboard;
import java.util.List;

/**
 * One shot of a multi-shot sequence as its own provider job: where it sits in the sequence, the storyboard and
 * prompt of that shot alone (timestamps counted from the shot's start), the animatic defects aimed at it, how it
 * joins its predecessor, and whether it starts from the previous accepted shot's last frame.
 *
 * @param index 1-based, as {@code "blur:0.8@2"} names a shot
 * @param transitionIn how the previous shot hands over to this one ({@link Transition#CUT} for the first)
 * @param chainsFromPrevious whether this shot's first frame is the previous accepted shot's last frame
 */
public record PlannedShot(
        int index,
        double startSeconds,
        double endSeconds,
        String prompt,
        Storyboard storyboard,
        List<String> defects,
        Transition transitionIn,
        boolean chainsFromPrevious) {

    public PlannedShot {
        if (index < 1) {
            throw new IllegalArgumentException("shot index is 1-based: " + index);
        }
        if (endSeconds <= startSeconds) {
            throw new IllegalArgumentException("shot must end after it starts: " + startSeconds + "–" + endSeconds);
        }
        defects = List.copyOf(defects);
        transitionIn = transitionIn == null ? Transition.CUT : transitionIn;
    }

    /** This shot joined to its predecessor by {@code transition} instead. */
    public PlannedShot withTransitionIn(Transition transition) {
        return new PlannedShot(
                index, startSeconds, endSeconds, prompt, storyboard, defects, transition, chainsFromPrevious);
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
