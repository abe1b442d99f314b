package dev.reelforge.core.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.job.StorageKeys;

/**
 * Which shot of a multi-shot sequence a job ticket renders. Each shot owns a block of attempt numbers starting at
 * {@code firstAttempt} ({@code (index - 1) × maxAttempts + 1}), so its provider jobs' idempotency keys, stored clips
 * and job-record attempts never collide with another shot's, and a re-render of shot 2 is attempt 5, not attempt 2.
 *
 * @param index 1-based
 * @param count how many shots the sequence has
 * @param chained whether the sequence is chained: every shot after the first starts from the previous accepted
 *     shot's last frame
 * @param previousFrame in a storyboard edit, the last frame of the predecessor that an earlier version rendered and
 *     this one reuses; empty where the predecessor is this job's own
 */
public record ShotTicket(
        int index,
        int count,
        int firstAttempt,
        boolean chained,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String previousFrame) {
    public ShotTicket {
        if (index < 1 || index > count || firstAttempt < 1) {
            throw new IllegalArgumentException(
                    "shot " + index + " of " + count + " from attempt " + firstAttempt + " is not a shot");
        }
        previousFrame = previousFrame == null ? "" : previousFrame;
    }

    /** A shot whose predecessor, if any, is rendered by the same job. */
    public ShotTicket(int index, int count, int firstAttempt, boolean chained) {
        this(index, count, firstAttempt, chained, "");
    }

    /** Whether this shot starts from the previous accepted shot's last frame. */
    public boolean startsFromPrevious() {
        return chained && index > 1;
    }

    /** The key of the last frame this shot starts from: the reused predecessor's, else this job's shot before. */
    public String previousFrameKey(String tenant, String jobId) {
        return previousFrame.isEmpty() ? StorageKeys.shotLastFrame(tenant, jobId, index - 1) : previousFrame;
    }

    /** The shot's own attempt count (1 for its first render) for the global attempt number {@code attempt}. */
    public int attemptWithin(int attempt) {
        return attempt - firstAttempt + 1;
    }
}
