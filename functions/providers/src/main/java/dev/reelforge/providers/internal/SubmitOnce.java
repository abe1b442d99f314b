package dev.reelforge.providers.internal;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.ProviderJobLedger.Claim;
import dev.reelforge.core.provider.ProviderJob;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Claim, create, record: the one path by which an adapter for an API without idempotency keys starts a paid job.
 * A key that already has a job resumes it; a key another caller is starting makes this caller retry later; a create
 * the provider refused releases the claim so the next attempt may try again.
 */
public final class SubmitOnce {
    /** How long a claim blocks other callers before it is presumed dead (longer than any create call). */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final ProviderJobLedger ledger;
    private final Clock clock;
    private final String provider;

    public SubmitOnce(ProviderJobLedger ledger, Clock clock, String provider) {
        this.ledger = ledger;
        this.clock = clock;
        this.provider = provider;
    }

    public ProviderJob submit(String idempotencyKey, Supplier<ProviderJob> create, Function<String, ProviderJob> resume) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequestException.of("idempotencyKey", "a submit needs an idempotency key so retries do not pay twice");
        }
        Claim claim = ledger.claim(provider, idempotencyKey, clock.instant(), LEASE);
        if (claim instanceof Claim.Recorded recorded) {
            return resume.apply(recorded.providerJobId());
        }
        if (claim instanceof Claim.InFlight inFlight) {
            long wait = Math.max(1, Duration.between(clock.instant(), inFlight.until()).toSeconds());
            throw new ProviderThrottledException("an earlier submit of this clip to " + provider
                    + " is still starting; retrying in " + wait + " s", (int) Math.min(wait, Integer.MAX_VALUE));
        }
        ProviderJob created;
        try {
            created = create.get();
        } catch (ReelforgeException e) {
            ledger.release(provider, idempotencyKey);
            throw e;
        }
        String recorded = ledger.record(provider, idempotencyKey, created.providerJobId());
        return recorded.equals(created.providerJobId()) ? created : resume.apply(recorded);
    }
}
