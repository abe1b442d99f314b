package dev.reelforge.providers.internal;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.ProviderJobLedger.Claim;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import dev.reelforge.core.provider.ProviderJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim, create, record: the one path by which an adapter starts a paid job. A key that already has a job resumes it;
 * a key another caller is starting makes this caller retry later; a create the provider refused releases the claim
 * so the next attempt may try again. A create whose answer was lost ({@link AmbiguousCreateException}) marks the key
 * ambiguous and is retried later, and that retry reconciles before it creates: by listing recent jobs and adopting
 * the match, by repeating the call under the same idempotency key, or, where the protocol offers neither, by
 * creating again and reporting a {@link PossibleDuplicateCharge}. Every call is reported as a {@link CreateAttempt}.
 */
public final class SubmitOnce {
    /** How long a claim blocks other callers before it is presumed dead (longer than any create call). */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(SubmitOnce.class);
    private static final ProviderJob UNLISTABLE = new ProviderJob("", ProviderJob.State.FAILED, 0, 1, "no listing");

    private final ProviderJobLedger ledger;
    private final Clock clock;
    private final String provider;

    public SubmitOnce(ProviderJobLedger ledger, Clock clock, String provider) {
        this.ledger = ledger;
        this.clock = clock;
        this.provider = provider;
    }

    /** How an adapter's protocol finds the job of a create whose answer was lost. */
    public sealed interface Reconciliation {
        /** The create carries an idempotency key the provider honours: repeating it returns the lost call's job. */
        record IdempotencyKey() implements Reconciliation {}

        /**
         * Recent jobs that match the spec and were created between the instants, oldest first; it may throw to retry
         * later, and returns null where the endpoint turns out not to offer a listing (then as {@link None}).
         */
        record Listing(ListRecent recent) implements Reconciliation {}

        /** Neither: an ambiguous create is created again and reported as a possible duplicate charge. */
        record None() implements Reconciliation {}
    }

    /** The matching jobs created in a window, for {@link Reconciliation.Listing}. */
    @FunctionalInterface
    public interface ListRecent {
        List<ProviderJob> between(Instant since, Instant until);
    }

    public ProviderJob submit(
            String idempotencyKey,
            Supplier<ProviderJob> create,
            Function<String, ProviderJob> resume,
            Reconciliation reconciliation) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequestException.of(
                    "idempotencyKey", "a submit needs an idempotency key so retries do not pay twice");
        }
        Instant claimedAt = clock.instant();
        Claim claim = ledger.claim(provider, idempotencyKey, claimedAt, LEASE);
        if (claim instanceof Claim.Recorded recorded) {
            return resume.apply(recorded.providerJobId())
                    .withSubmission(
                            List.of(new CreateAttempt(
                                    claimedAt.toString(),
                                    CreateAttempt.Outcome.RESUMED,
                                    recorded.providerJobId(),
                                    "this clip's job was already started")),
                            List.of());
        }
        if (claim instanceof Claim.InFlight inFlight) {
            long wait = Math.max(
                    1, Duration.between(clock.instant(), inFlight.until()).toSeconds());
            throw new ProviderThrottledException(
                    "an earlier submit of this clip to " + provider + " is still starting; retrying in " + wait + " s",
                    (int) Math.min(wait, Integer.MAX_VALUE));
        }
        List<CreateAttempt> attempts = new ArrayList<>();
        boolean duplicateRisk = false;
        if (claim instanceof Claim.Ambiguous ambiguous) {
            attempts.add(new CreateAttempt(
                    ambiguous.since().toString(),
                    CreateAttempt.Outcome.AMBIGUOUS,
                    "",
                    "the answer to an earlier create was lost"));
            if (reconciliation instanceof Reconciliation.Listing listing) {
                ProviderJob adopted;
                try {
                    adopted = adoptable(listing, ambiguous.since());
                } catch (ReelforgeException e) {
                    ledger.markAmbiguous(provider, idempotencyKey, ambiguous.since());
                    throw e;
                }
                if (adopted == UNLISTABLE) {
                    duplicateRisk = true;
                } else if (adopted != null) {
                    String recorded = ledger.record(provider, idempotencyKey, adopted.providerJobId());
                    log.info("{} create reconciled: adopted the job the lost call started", provider);
                    attempts.add(new CreateAttempt(
                            clock.instant().toString(),
                            CreateAttempt.Outcome.ADOPTED,
                            recorded,
                            "found by listing recent jobs"));
                    ProviderJob job = recorded.equals(adopted.providerJobId()) ? adopted : resume.apply(recorded);
                    return job.withSubmission(attempts, List.of());
                }
            } else if (reconciliation instanceof Reconciliation.None) {
                duplicateRisk = true;
            }
        }
        Instant sent = clock.instant();
        ProviderJob created;
        try {
            created = create.get();
        } catch (AmbiguousCreateException e) {
            ledger.markAmbiguous(provider, idempotencyKey, sent);
            throw new ProviderThrottledException(
                    e.getMessage() + "; it may have started a job, which is looked for before" + " any new create");
        } catch (ReelforgeException e) {
            ledger.release(provider, idempotencyKey);
            throw e;
        }
        String recorded = ledger.record(provider, idempotencyKey, created.providerJobId());
        ProviderJob job = recorded.equals(created.providerJobId()) ? created : resume.apply(recorded);
        attempts.add(new CreateAttempt(
                sent.toString(),
                CreateAttempt.Outcome.CREATED,
                recorded,
                attempts.isEmpty() ? "created" : createdAgain(reconciliation, duplicateRisk)));
        List<PossibleDuplicateCharge> duplicates = duplicateRisk
                ? List.of(new PossibleDuplicateCharge(
                        List.of(recorded),
                        "a create at " + attempts.get(0).at()
                                + " got no usable answer and " + provider
                                + " offers no way to find its job; it may have"
                                + " started one that was billed but never seen"))
                : List.of();
        return job.withSubmission(attempts, duplicates);
    }

    private static String createdAgain(Reconciliation reconciliation, boolean duplicateRisk) {
        if (reconciliation instanceof Reconciliation.IdempotencyKey) {
            return "repeated under the same idempotency key: the provider returns the lost call's job if it started one";
        }
        return duplicateRisk
                ? "created again: the lost call's job cannot be looked up"
                : "created again: the listing showed no job from the lost call";
    }

    /** The oldest listed job in the window that no other key recorded, or null when the lost call started none. */
    private ProviderJob adoptable(Reconciliation.Listing listing, Instant since) {
        List<ProviderJob> recent = listing.recent().between(since, clock.instant());
        if (recent == null) {
            return UNLISTABLE;
        }
        for (ProviderJob candidate : recent) {
            if (!ledger.isRecorded(provider, candidate.providerJobId())) {
                return candidate;
            }
        }
        return null;
    }
}
