package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.InMemoryJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two unchained shots of one sequence submitting at the same time: each round is checked against the whole
 * sequence's budget and reserved on the job record before its provider call, so both cannot pass on the same
 * headroom, and neither shot's attempt or provider job is lost from the record.
 */
class SubmitStepParallelShotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 30;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final JobTicket whole =
            new JobTicket("j-1", "acme", "j-1", "", false, "", "", "gated", "m", false, true, 0.5, 1.0, List.of());
    private GatedProvider provider;

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
    }

    @AfterEach
    void openTheGate() {
        provider.release.countDown();
    }

    private static RenderRequest shotRequest(double budgetUsd) {
        var node = JSON.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "j-1")
                .put("prompt", "A heavy iron kettle on a table, tripod shot.")
                .put("budgetUsd", budgetUsd)
                .put("maxAttempts", 1);
        node.putObject("settings").put("durationSeconds", 5);
        return new RequestParser(JSON).parse(node);
    }

    private JobTicket shot(int index) {
        return whole.forShot(new ShotTicket(index, 2, index, false), 0.5, ReferenceImage.NONE);
    }

    private CompletableFuture<RenderRound> submitShot(SubmitStep submit, int index, double budgetUsd) {
        return CompletableFuture.supplyAsync(() -> submit.run(
                shotRequest(budgetUsd), shot(index), RenderRound.before(index), ReviewOutcome.notReviewed()));
    }

    @Test
    void run_twoShotsInFlightTogether_bothRecordedWithTheirProviderJobs() throws Exception {
        provider = new GatedProvider(2);
        SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);

        CompletableFuture<RenderRound> first = submitShot(submit, 1, 5);
        CompletableFuture<RenderRound> second = submitShot(submit, 2, 5);
        assertThat(provider.entered.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("both shots are inside the provider's submit at once")
                .isTrue();
        provider.release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).attempt()).isEqualTo(1);
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS).attempt()).isEqualTo(2);
        JobRecord record = jobs.find("j-1").orElseThrow();
        assertThat(record.providerSubmissions()).isEqualTo(2);
        assertThat(record.detail().attempts())
                .extracting(AttemptDetail::shot, AttemptDetail::providerJobIds)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, List.of("job-j-1/1/0")),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("job-j-1/2/0")));
        assertThat(provider.keys).containsExactlyInAnyOrder("j-1/1/0", "j-1/2/0");
    }

    @Test
    void run_secondShotWhileTheFirstIsInFlight_seesItsSpendAndStaysWithinTheBudget() throws Exception {
        provider = new GatedProvider(1);
        SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);

        CompletableFuture<RenderRound> first = submitShot(submit, 1, 0.75);
        assertThat(provider.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() ->
                        submit.run(shotRequest(0.75), shot(2), RenderRound.before(2), ReviewOutcome.notReviewed()))
                .as("shot 1's $0.50 is reserved though its provider call has not returned")
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.Problem::field)
                                .containsExactly("budgetUsd"))
                .hasMessageContaining("$1.00, over the $0.75 budget");
        provider.release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).spentUsd()).isEqualTo(0.5);
        assertThat(provider.keys).as("no paid render for shot 2").containsExactly("j-1/1/0");
        assertThat(jobs.find("j-1").orElseThrow().detail().attempts())
                .extracting(AttemptDetail::attempt)
                .containsExactly(1);
    }

    @Test
    void run_sameShotAttemptRetried_replacesItsOwnReservation() {
        provider = new GatedProvider(0);
        provider.release.countDown();
        SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);

        submit.run(shotRequest(0.75), shot(1), RenderRound.before(1), ReviewOutcome.notReviewed());
        RenderRound again = submit.run(shotRequest(0.75), shot(1), RenderRound.before(1), ReviewOutcome.notReviewed());

        assertThat(again.spentUsd())
                .as("a retried Submit is not charged against itself")
                .isEqualTo(0.5);
        assertThat(jobs.find("j-1").orElseThrow().providerSubmissions()).isEqualTo(1);
    }

    /** Names each job after its idempotency key; each submit waits at a gate the test opens. */
    private static final class GatedProvider implements VideoProvider {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final CountDownLatch entered;
        final CountDownLatch release = new CountDownLatch(1);

        GatedProvider(int callers) {
            this.entered = new CountDownLatch(callers);
        }

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            keys.add(idempotencyKey);
            entered.countDown();
            try {
                if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new ProviderJob("job-" + idempotencyKey, ProviderJob.State.QUEUED, 0, 5, "");
        }

        @Override
        public ProviderJob poll(String providerJobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void download(String providerJobId, Path target) {
            throw new UnsupportedOperationException();
        }
    }
}
