package dev.reelforge.core.provider;

/**
 * A provider's view of one generation job.
 *
 * @param progressPercent 0–100 as the provider reports it
 * @param pollAfterSeconds how long the provider suggests waiting before the next poll
 * @param failureReason user-facing reason when {@code state} is FAILED, never a provider request id
 */
public record ProviderJob(String providerJobId, State state, int progressPercent, int pollAfterSeconds, String failureReason) {
    public ProviderJob {
        failureReason = failureReason == null ? "" : failureReason;
    }

    public enum State {
        QUEUED,
        IN_PROGRESS,
        COMPLETED,
        FAILED;

        public boolean isDone() {
            return this == COMPLETED || this == FAILED;
        }
    }
}
