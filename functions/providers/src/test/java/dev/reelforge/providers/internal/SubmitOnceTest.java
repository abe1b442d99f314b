package dev.reelforge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Claim, create, record, and how a create whose answer was lost is reconciled on the retry. */
class SubmitOnceTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final ProviderJobLedger ledger = new InMemoryProviderJobLedger();
    private final SubmitOnce once = new SubmitOnce(ledger, Clock.fixed(T0, ZoneOffset.UTC), "test");
    private final List<String> creates = new ArrayList<>();

    private static ProviderJob job(String id) {
        return new ProviderJob(id, ProviderJob.State.QUEUED, 0, 1, "");
    }

    private Supplier<ProviderJob> creating(String id) {
        return () -> {
            creates.add(id);
            return job(id);
        };
    }

    private Supplier<ProviderJob> losingTheReplyOf(String id) {
        return () -> {
            creates.add(id);
            throw new AmbiguousCreateException("test did not answer create within 1000 ms");
        };
    }

    private ProviderJob submit(Supplier<ProviderJob> create, SubmitOnce.Reconciliation reconciliation) {
        return once.submit("j/1/0", create, SubmitOnceTest::job, reconciliation);
    }

    private static SubmitOnce.Reconciliation listing(ProviderJob... listed) {
        return new SubmitOnce.Reconciliation.Listing((since, until) -> List.of(listed));
    }

    @Test
    void submit_freshKey_createsOnceAndReportsCreated() {
        ProviderJob created = submit(creating("v1"), new SubmitOnce.Reconciliation.None());

        assertThat(created.providerJobId()).isEqualTo("v1");
        assertThat(created.createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.CREATED);
        assertThat(submit(creating("v2"), new SubmitOnce.Reconciliation.None()).createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.RESUMED);
        assertThat(creates).containsExactly("v1");
    }

    @Test
    void submit_lostReplyThenListingFindsTheJob_adoptsItWithoutCreatingAgain() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("v1"), listing(job("v1"))))
                .isExactlyInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("looked for");

        ProviderJob adopted = submit(creating("v2"), listing(job("v1")));

        assertThat(adopted.providerJobId()).isEqualTo("v1");
        assertThat(creates).containsExactly("v1");
        assertThat(adopted.createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.AMBIGUOUS, CreateAttempt.Outcome.ADOPTED);
        assertThat(adopted.possibleDuplicateCharges()).isEmpty();
        assertThat(ledger.isRecorded("test", "v1")).isTrue();
    }

    @Test
    void submit_lostReplyAndTheListingShowsOnlyAnotherKeysJob_createsAgainWithoutAdoptingIt() {
        once.submit("j/1/1", creating("sibling"), SubmitOnceTest::job, new SubmitOnce.Reconciliation.None());
        assertThatThrownBy(() -> submit(losingTheReplyOf("never-started"), listing(job("sibling"))))
                .isInstanceOf(ProviderThrottledException.class);

        ProviderJob created = submit(creating("v2"), listing(job("sibling")));

        assertThat(created.providerJobId()).isEqualTo("v2");
        assertThat(created.createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.AMBIGUOUS, CreateAttempt.Outcome.CREATED);
        assertThat(created.createAttempts().get(1).detail()).contains("listing showed no job");
    }

    @Test
    void submit_listingFailsOnTheRetry_staysAmbiguousAndReconcilesOnTheNextOne() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("v1"), listing(job("v1"))))
                .isInstanceOf(ProviderThrottledException.class);
        SubmitOnce.Reconciliation failing = new SubmitOnce.Reconciliation.Listing((since, until) -> {
            throw new ProviderThrottledException("test is unavailable (HTTP 500) on list videos; retrying later");
        });
        assertThatThrownBy(() -> submit(creating("v2"), failing)).hasMessageContaining("list videos");

        assertThat(submit(creating("v3"), listing(job("v1"))).providerJobId()).isEqualTo("v1");
        assertThat(creates).containsExactly("v1");
    }

    @Test
    void submit_refusedCreateAfterALostReply_keepsTheKeyAmbiguous() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("v1"), listing()))
                .isInstanceOf(ProviderThrottledException.class);
        assertThatThrownBy(() -> submit(
                        () -> {
                            throw InvalidRequestException.of("provider", "refused");
                        },
                        listing()))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(ledger.claim("test", "j/1/0", T0, SubmitOnce.LEASE))
                .isInstanceOf(ProviderJobLedger.Claim.Ambiguous.class);
    }

    @Test
    void submit_lostReplyWithoutAnyWayToLookItUp_createsAgainAndRecordsAPossibleDuplicate() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("v1"), new SubmitOnce.Reconciliation.None()))
                .isInstanceOf(ProviderThrottledException.class);

        ProviderJob created = submit(creating("v2"), new SubmitOnce.Reconciliation.None());

        assertThat(creates).containsExactly("v1", "v2");
        assertThat(created.possibleDuplicateCharges()).singleElement().satisfies(charge -> {
            assertThat(charge.providerJobIds()).containsExactly("v2");
            assertThat(charge.reason()).contains("2026-12-02T10:00:00Z").contains("no way to find its job");
        });
    }

    @Test
    void submit_listingUnavailableAtTheEndpoint_fallsBackToAPossibleDuplicate() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("v1"), listing()))
                .isInstanceOf(ProviderThrottledException.class);

        ProviderJob created = submit(creating("v2"), new SubmitOnce.Reconciliation.Listing((since, until) -> null));

        assertThat(created.possibleDuplicateCharges()).hasSize(1);
        assertThat(created.createAttempts().get(1).detail()).contains("cannot be looked up");
    }

    @Test
    void submit_lostReplyUnderAnIdempotencyKey_repeatsTheCallAndSaysSo() {
        assertThatThrownBy(() -> submit(losingTheReplyOf("arn-1"), new SubmitOnce.Reconciliation.IdempotencyKey()))
                .isInstanceOf(ProviderThrottledException.class);

        ProviderJob created = submit(creating("arn-1"), new SubmitOnce.Reconciliation.IdempotencyKey());

        assertThat(created.possibleDuplicateCharges()).isEmpty();
        assertThat(created.createAttempts().get(1).detail()).contains("same idempotency key");
    }
}
