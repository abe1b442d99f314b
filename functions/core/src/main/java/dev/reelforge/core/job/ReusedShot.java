package dev.reelforge.core.job;

import dev.reelforge.core.review.Verdict;

/**
 * On a storyboard edit's job record: a shot that was unchanged, so the new version uses the earlier version's
 * accepted clip of it instead of a provider job. {@code fromJob} is the job whose review accepted the clip (for an
 * edit of an edit, the version that rendered it, not the one it was reused by), so the next edit finds it again.
 *
 * @param shot the shot's index in this version (1-based)
 * @param fromShot the shot's index in {@code fromJob}
 * @param lastFrameKey the clip's last frame, from which a chained next shot starts
 * @param verdict the review that accepted it there: pass or give-up-accept
 */
public record ReusedShot(int shot, String fromJob, int fromShot, String clipKey, String lastFrameKey, Verdict verdict) {

    /** The same clip as shot {@code index} of another version. */
    public ReusedShot at(int index) {
        return new ReusedShot(index, fromJob, fromShot, clipKey, lastFrameKey, verdict);
    }
}
