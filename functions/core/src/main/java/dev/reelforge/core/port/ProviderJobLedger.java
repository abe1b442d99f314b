package dev.reelforge.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Which provider job each idempotency key started, for providers whose API has no idempotency key of its own
 * (OpenAI Videos, fal queue). An adapter claims the key before it calls create and records the job id after, so a
 * retried Submit or a duplicate trigger resumes the job instead of paying for a second one. A claim that was never
 * completed (the caller died between claim and record) lapses after its lease, so a later retry may try again. A
 * create whose answer was lost (timeout, 5xx, garbled reply) may have started a job all the same: the adapter marks
 * the key ambiguous, and the next claim tells it to reconcile (find the job, by listing or idempotency key) before it
 * creates again. Implementations are thread-safe and atomic per key (a conditional write in DynamoDB).
 *
 * <pre>{@code
 * switch (ledger.claim("openai-videos", key, now, Duration.ofMinutes(2))) {
 *     case ProviderJobLedger.Claim.Recorded r -> resume(r.providerJobId());
 *     case ProviderJobLedger.Claim.Granted g -> ledger.record("openai-videos", key, create(spec));
 *     case ProviderJobLedger.Claim.Ambiguous a -> ledger.record("openai-videos", key, findOrCreate(spec, a.since()));
 *     case ProviderJobLedger.Claim.InFlight f -> throw new ProviderThrottledException("starting elsewhere");
 * }
 * }</pre>
 */
public interface ProviderJobLedger {
    /** Claims {@code idempotencyKey} for a create, unless a job is recorded for it or another claim is live. */
    Claim claim(String provider, String idempotencyKey, Instant now, Duration lease);

    /** Records the job a granted claim created or adopted; the first recorded id for a key wins and is returned. */
    String record(String provider, String idempotencyKey, String providerJobId);

    /** Gives up a granted claim after a create that certainly started nothing (the provider refused it). */
    void release(String provider, String idempotencyKey);

    /**
     * Marks a granted claim's create as ambiguous: it may have started a job at or after {@code since}. The lease
     * ends at once, and the next {@link #claim} answers {@link Claim.Ambiguous} with the earliest such instant until a
     * job is recorded. Does nothing once a job is recorded.
     */
    void markAmbiguous(String provider, String idempotencyKey, Instant since);

    /** Whether any key of {@code provider} has recorded {@code providerJobId}, so reconciling never adopts it twice. */
    boolean isRecorded(String provider, String providerJobId);

    /** The outcome of {@link #claim}. */
    sealed interface Claim permits Claim.Granted, Claim.Ambiguous, Claim.Recorded, Claim.InFlight {
        /** The caller holds the key and must create the job, then {@link #record} or {@link #release} it. */
        record Granted() implements Claim {}

        /**
         * The caller holds the key, but an earlier create for it may have started a job at or after {@code since}:
         * find that job before creating another, then {@link #record} (or {@link #markAmbiguous} again).
         */
        record Ambiguous(Instant since) implements Claim {}

        /** A job already exists for the key: resume it. */
        record Recorded(String providerJobId) implements Claim {}

        /** Another caller claimed the key and has not recorded a job yet; retry after {@code until}. */
        record InFlight(Instant until) implements Claim {}
    }
}
