package dev.reelforge.core.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.review.RoundMode;
import java.util.List;

/**
 * One attempt at the provider: the clips asked for, their progress, and where the finished originals landed.
 *
 * @param mode initial, remix or regenerate
 * @param status NOT_STARTED, RUNNING or COMPLETED (a round whose clips all failed throws instead)
 * @param deadline ISO-8601 instant after which polling gives up
 * @param spentUsd estimated spend of all rounds so far
 * @param clipSeconds the duration asked for, against which a downloaded clip's length is judged; 0 when unknown (a
 *     round started before this was carried)
 * @param webhookTimeoutSeconds how long the state machine waits for the provider's webhook ({@code WaitForWebhook})
 *     before it polls; 0 (left out of the JSON) for a provider that is only polled, or once a wait timed out
 */
public record RenderRound(
        int attempt,
        RoundMode mode,
        String prompt,
        String instruction,
        List<ProviderTask> tasks,
        Status status,
        int progressPercent,
        int pollAfterSeconds,
        String deadline,
        double spentUsd,
        double clipSeconds,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int webhookTimeoutSeconds) {

    public RenderRound {
        tasks = List.copyOf(tasks);
        prompt = prompt == null ? "" : prompt;
        instruction = instruction == null ? "" : instruction;
        deadline = deadline == null ? "" : deadline;
    }

    /** A round whose provider is only polled. */
    public RenderRound(
            int attempt,
            RoundMode mode,
            String prompt,
            String instruction,
            List<ProviderTask> tasks,
            Status status,
            int progressPercent,
            int pollAfterSeconds,
            String deadline,
            double spentUsd,
            double clipSeconds) {
        this(
                attempt,
                mode,
                prompt,
                instruction,
                tasks,
                status,
                progressPercent,
                pollAfterSeconds,
                deadline,
                spentUsd,
                clipSeconds,
                0);
    }

    public RenderRound(
            int attempt,
            RoundMode mode,
            String prompt,
            String instruction,
            List<ProviderTask> tasks,
            Status status,
            int progressPercent,
            int pollAfterSeconds,
            String deadline,
            double spentUsd) {
        this(
                attempt,
                mode,
                prompt,
                instruction,
                tasks,
                status,
                progressPercent,
                pollAfterSeconds,
                deadline,
                spentUsd,
                0);
    }

    public static RenderRound notStarted() {
        return new RenderRound(0, RoundMode.INITIAL, "", "", List.of(), Status.NOT_STARTED, 0, 1, "", 0, 0, 0);
    }

    /** Where the round stands; the state machine's Choice after Poll reads it as {@code round.status}. */
    public enum Status {
        NOT_STARTED,
        RUNNING,
        /** Every clip is in the clip store or failed (a round whose clips all failed throws instead). */
        COMPLETED;

        @JsonValue
        public String wireName() {
            return name();
        }
    }

    /**
     * One clip at the provider.
     *
     * @param sha256 checksum of the original as copied into the clip store (empty until then)
     * @param rejectedDownloads downloads of the finished clip that were not a usable MP4 (each is tried again later)
     */
    public record ProviderTask(
            int variation,
            long seed,
            String providerJobId,
            ProviderJob.State state,
            int progressPercent,
            String clipKey,
            String failureReason,
            String sha256,
            int rejectedDownloads) {
        public ProviderTask {
            clipKey = clipKey == null ? "" : clipKey;
            failureReason = failureReason == null ? "" : failureReason;
            sha256 = sha256 == null ? "" : sha256;
        }

        public ProviderTask(
                int variation,
                long seed,
                String providerJobId,
                ProviderJob.State state,
                int progressPercent,
                String clipKey,
                String failureReason,
                String sha256) {
            this(variation, seed, providerJobId, state, progressPercent, clipKey, failureReason, sha256, 0);
        }
    }
}
