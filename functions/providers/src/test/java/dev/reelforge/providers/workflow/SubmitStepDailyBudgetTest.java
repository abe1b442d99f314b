package dev.reelforge.providers.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.error.DailyBudgetExceededException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryTenantSpendLedger;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.SubmitStep;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SubmitStep charges the tenant's daily budget once per round, before any provider call. */
class SubmitStepDailyBudgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryTenantSpendLedger spend = new InMemoryTenantSpendLedger();
    private final AtomicInteger submissions = new AtomicInteger();
    private final VideoProvider provider = new VideoProvider() {
        @Override
        public String name() {
            return "paid";
        }

        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            submissions.incrementAndGet();
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
    };
    private final SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock, DailyBudget.of(spend, 10));

    private RenderRound start(String jobId) {
        jobs.create(JobRecord.received(jobId, "acme", jobId, clock.instant()));
        return submitAgain(jobId);
    }

    private RenderRound submitAgain(String jobId) {
        RenderRequest request = new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", jobId)
                        .put("prompt", "A heavy iron kettle, tripod shot.")
                        .put("budgetUsd", 50));
        JobTicket ticket =
                new JobTicket(jobId, "acme", jobId, "", false, "", "", "paid", "m", false, true, 4.0, 4.0, List.of());
        return submit.run(request, ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());
    }

    @Test
    void run_withinDailyBudget_chargesOncePerRoundEvenWhenRetried() {
        start("job-1");
        submitAgain("job-1");

        assertThat(spend.spent("acme", LocalDate.of(2026, 11, 24))).isEqualTo(4.0);
        start("job-2");
        assertThat(spend.spent("acme", LocalDate.of(2026, 11, 24))).isEqualTo(8.0);
    }

    @Test
    void run_pastDailyBudget_refusesBeforeAnyProviderCall() {
        start("job-1");
        start("job-2");

        assertThatThrownBy(() -> start("job-3"))
                .isInstanceOf(DailyBudgetExceededException.class)
                .hasMessageContaining("daily budget");
        assertThat(submissions).hasValue(2);
    }
}
