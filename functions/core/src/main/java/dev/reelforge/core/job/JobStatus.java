package dev.reelforge.core.job;

/** The life of one render job, as recorded in the job table. REJECTED, SUCCEEDED and FAILED are final. */
public enum JobStatus {
    RECEIVED,
    REJECTED,
    RENDERING,
    REVIEWING,
    POST_PROCESSING,
    SUCCEEDED,
    FAILED;

    public boolean isFinal() {
        return this == REJECTED || this == SUCCEEDED || this == FAILED;
    }
}
