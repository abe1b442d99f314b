package dev.reelforge.core.job;

/**
 * The life of one render job, as recorded in the job table. REJECTED (the request), DECLINED (the render, by its
 * reviewer), SUCCEEDED and FAILED are final.
 */
public enum JobStatus {
    RECEIVED,
    REJECTED,
    RENDERING,
    REVIEWING,
    /** A render passed the checks and waits for a person's decision ({@code "approval": "required"}). */
    AWAITING_APPROVAL,
    POST_PROCESSING,
    SUCCEEDED,
    /** The reviewer rejected the render; the reason is the record's reason. */
    DECLINED,
    FAILED;

    public boolean isFinal() {
        return this == REJECTED || this == DECLINED || this == SUCCEEDED || this == FAILED;
    }
}
