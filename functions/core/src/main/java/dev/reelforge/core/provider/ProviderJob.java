package dev.reelforge.core.provider;

import java.util.List;

/**
 * A provider's view of one generation job.
 *
 * @param progressPercent 0–100 as the provider reports it
 * @param pollAfterSeconds how long the provider suggests waiting before the next poll
 * @param failureReason user-facing reason when {@code state} is FAILED, never a provider request id
 * @param createAttempts from {@code submit} only: the calls that led to this job (empty where an adapter keeps none)
 * @param possibleDuplicateCharges from {@code submit} only: ambiguous creates that could not be reconciled
 */
public record ProviderJob(
        String providerJobId,
        State state,
        int progressPercent,
        int pollAfterSeconds,
        String failureReason,
        List<CreateAttempt> createAttempts,
        List<PossibleDuplicateCharge> possibleDuplicateCharges) {
    public ProviderJob {
        failureReason = failureReason == null ? "" : failureReason;
        createAttempts = List.copyOf(createAttempts);
        possibleDuplicateCharges = List.copyOf(possibleDuplicateCharges);
    }

    public ProviderJob(
            String providerJobId, State state, int progressPercent, int pollAfterSeconds, String failureReason) {
        this(providerJobId, state, progressPercent, pollAfterSeconds, failureReason, List.of(), List.of());
    }

    /** This job as {@code submit} returns it, with how it was started. */
    public ProviderJob withSubmission(List<CreateAttempt> attempts, List<PossibleDuplicateCharge> duplicates) {
        return new ProviderJob(
                providerJobId, state, progressPercent, pollAfterSeconds, failureReason, attempts, duplicates);
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
