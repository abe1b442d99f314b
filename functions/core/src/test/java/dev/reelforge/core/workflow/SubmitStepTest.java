package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.SubmissionCounts;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.webhook.WebhookRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Submit starts one provider job per clip, keyed so that a retried Submit resumes them instead of paying again. */
class SubmitStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final KeyedProvider provider = new KeyedProvider();
    private final SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);
    private final JobTicket ticket =
            new JobTicket("j-1", "acme", "j-1", "", false, "", "", "keyed", "m", false, true, 0.5, 1.0, List.of());

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
    }

    private static RenderRequest request(int variations, double budgetUsd) {
        var node = JSON.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "j-1")
                .put("prompt", "A heavy iron kettle on a table, tripod shot.")
                .put("budgetUsd", budgetUsd);
        node.putObject("settings").put("variations", variations);
        return new RequestParser(JSON).parse(node);
    }

    @Test
    void run_firstRound_startsEachVariationUnderItsOwnKey() {
        RenderRound round = submit.run(request(2, 5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());

        assertThat(provider.keys).containsExactly("j-1/1/0", "j-1/1/1");
        assertThat(round.attempt()).isEqualTo(1);
        assertThat(round.tasks())
                .extracting(RenderRound.ProviderTask::providerJobId)
                .containsExactly("job-j-1/1/0", "job-j-1/1/1");
        assertThat(round.spentUsd()).isEqualTo(1.0);
        JobRecord record = jobs.find("j-1").orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.RENDERING);
        assertThat(record.providerSubmissions()).isEqualTo(2);
    }

    @Test
    void run_retriedAfterACrash_countsEachProviderJobOnceAndReportsTheRetryAsResumed() {
        submit.run(request(2, 5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());
        submit.run(request(2, 5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());

        JobRecord record = jobs.find("j-1").orElseThrow();
        assertThat(record.providerSubmissions())
                .as("two provider jobs, however often Submit ran")
                .isEqualTo(2);
        assertThat(new ProviderHistory().counts(record)).isEqualTo(new SubmissionCounts(2, 0, 2));
    }

    @Test
    void run_roundOverTheBudget_startsNothing() {
        assertThatThrownBy(() ->
                        submit.run(request(2, 0.5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("budget");

        assertThat(provider.keys).isEmpty();
        assertThat(jobs.find("j-1").orElseThrow().providerSubmissions()).isZero();
    }

    @Test
    void run_providerThatCallsBackWithAnEndpoint_passesTheUrlAndCarriesTheWait() throws Exception {
        SubmitStep withWebhooks = new SubmitStep(
                name -> provider,
                jobs,
                JSON,
                clock,
                dev.reelforge.core.cost.DailyBudget.unlimited(),
                () -> null,
                null,
                () -> new WebhookRoute("https://hooks.example/", 120),
                job -> job.provider().equals("keyed"));

        RenderRound round =
                withWebhooks.run(request(1, 5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());

        assertThat(provider.webhookUrls).containsExactly("https://hooks.example/webhooks/keyed");
        assertThat(round.webhookTimeoutSeconds()).isEqualTo(120);
        assertThat(JSON.readTree(JSON.writeValueAsString(round))
                        .path("webhookTimeoutSeconds")
                        .asInt())
                .isEqualTo(120);
    }

    @Test
    void run_modelWithoutWebhooks_isPolledAndTheRoundJsonKeepsItsShape() throws Exception {
        SubmitStep withWebhooks = new SubmitStep(
                name -> provider,
                jobs,
                JSON,
                clock,
                dev.reelforge.core.cost.DailyBudget.unlimited(),
                () -> null,
                null,
                () -> new WebhookRoute("https://hooks.example", 120),
                job -> false);

        RenderRound round =
                withWebhooks.run(request(1, 5), ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed());

        assertThat(provider.webhookUrls).containsExactly("");
        assertThat(round.webhookTimeoutSeconds()).isZero();
        assertThat(JSON.readTree(JSON.writeValueAsString(round)).has("webhookTimeoutSeconds"))
                .as("a polled round's JSON is what it was before webhooks")
                .isFalse();
    }

    /** Names each job after its idempotency key, as the animatic does, and reports no create calls. */
    private static final class KeyedProvider implements VideoProvider {
        final List<String> keys = new ArrayList<>();
        final List<String> webhookUrls = new ArrayList<>();

        @Override
        public String name() {
            return "keyed";
        }

        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            keys.add(idempotencyKey);
            webhookUrls.add(spec.webhookUrl());
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
