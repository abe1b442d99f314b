package dev.reelforge.providers.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.PollStep;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.SubmitStep;
import dev.reelforge.providers.ledger.InMemoryProviderJobLedger;
import dev.reelforge.providers.openai.OpenAiVideosProvider;
import dev.reelforge.providers.openai.OpenAiVideosSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty renders through SubmitStep and PollStep against an OpenAI-compatible fake that faults ~30 % of calls
 * (seeded), retried exactly as render.asl.json retries them (ProviderThrottledException, 6 retries; anything else is
 * caught and recorded). Retries absorb every fault, so exactly the five requests the fake refuses by moderation end
 * FAILED, with that reason, and the other 45 SUCCEEDED; the provider must have created exactly one job per (request,
 * attempt, variation).
 */
class FaultInjectionTest {
    private static final int REQUESTS = 50;
    private static final int REFUSED = 5;
    private static final int ASL_MAX_RETRIES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FaultyVideosApi api;
    private WireMockServer server;

    @BeforeEach
    void start() {
        api = new FaultyVideosApi(20261124L, 0.3, 4000);
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40).extensions(api));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private record Outcome(int n, String status, String reason, int variations, boolean submitted) {}

    @Test
    void renders_underThirtyPercentFaults_onlyTheRefusedFailAndEachClipIsCreatedOnce() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        VideoProvider provider = new OpenAiVideosProvider(
                OpenAiVideosSettings.of(URI.create(server.baseUrl() + "/v1"), "sk-fault-test").withRequestTimeout(Duration.ofMillis(2000)),
                JSON, new InMemoryProviderJobLedger(), clock);
        InMemoryJobStore jobs = new InMemoryJobStore();
        SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);
        PollStep poll = new PollStep(name -> provider, new DirectoryClipStore(dir.resolve("bucket")), jobs, JSON, dir.resolve("work"),
                clock);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            futures.add(pool.submit(() -> render(n, submit, poll, jobs, clock)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(outcomes).hasSize(REQUESTS);
        assertThat(outcomes).filteredOn(o -> !refused(o.n())).as("every request the fake does not refuse")
                .hasSize(REQUESTS - REFUSED)
                .allSatisfy(o -> assertThat(o.status()).as("r-%d: %s", o.n(), o.reason()).isEqualTo("SUCCEEDED"));
        assertThat(outcomes).filteredOn(o -> refused(o.n())).as("the requests the fake refuses by moderation")
                .hasSize(REFUSED)
                .allSatisfy(o -> {
                    assertThat(o.status()).as("r-%d", o.n()).isEqualTo("FAILED");
                    assertThat(o.submitted()).as("r-%d was submitted before it was refused", o.n()).isTrue();
                    assertThat(o.reason()).as("r-%d", o.n()).startsWith("ProviderFailedException: ").contains("moderation");
                });
        Map<String, Long> createsPerPrompt = api.createdPrompts().stream()
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        for (Outcome outcome : outcomes) {
            long creates = createsPerPrompt.getOrDefault(prompt(outcome.n()), 0L);
            if (outcome.submitted()) {
                assertThat(creates).as("creates for r-%d", outcome.n()).isEqualTo(outcome.variations());
            } else {
                assertThat(creates).as("creates for r-%d (%s)", outcome.n(), outcome.reason()).isLessThanOrEqualTo(outcome.variations());
            }
        }
        assertThat(outcomes).filteredOn(o -> o.status().equals("FAILED"))
                .allSatisfy(o -> assertThat(o.reason()).doesNotContain("video_"));
        assertThat(api.faults().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(api.calls() / 5);
        System.err.printf("fault injection: %d calls, faults %s, outcomes %s, failure reasons %s%n", api.calls(), api.faults(),
                outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting())),
                outcomes.stream().filter(o -> !o.reason().isEmpty())
                        .collect(Collectors.groupingBy(o -> o.reason().replaceAll(":.*", ""), Collectors.counting())));
    }

    private static String prompt(int n) {
        return "Request r-" + n + ": a white mug slides off an oak table and shatters" + (refused(n) ? " [refuse]" : "");
    }

    /** The fake's moderation refuses r-3, r-13, …, r-43 once they have been created and polled to the end. */
    private static boolean refused(int n) {
        return n % 10 == 3;
    }

    private Outcome render(int n, SubmitStep submit, PollStep poll, InMemoryJobStore jobs, Clock clock) {
        String jobId = "r-" + n;
        int variations = n % 5 == 0 ? 2 : 1;
        RenderRequest request = new RequestParser(JSON).parse(JSON.createObjectNode()
                .put("tenant", "acme").put("clientRequestId", jobId).put("prompt", prompt(n)).put("budgetUsd", 10)
                .set("settings", JSON.createObjectNode().put("aspectRatio", "16:9").put("resolution", "720p")
                        .put("durationSeconds", 8).put("variations", variations)));
        jobs.create(JobRecord.received(jobId, "acme", jobId, clock.instant()));
        JobTicket ticket = new JobTicket(jobId, "acme", jobId, "", false, "", "", OpenAiVideosProvider.NAME, "sora-2", true,
                0.8, 0.8 * variations, List.of());
        RenderRound round;
        try {
            round = withAslRetry(() -> submit.run(request, ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed()));
        } catch (ReelforgeException e) {
            return new Outcome(n, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), variations, false);
        }
        try {
            for (int lap = 0; lap < 50 && !round.status().equals("COMPLETED"); lap++) {
                RenderRound current = round;
                round = withAslRetry(() -> poll.run(ticket, current));
            }
            return round.status().equals("COMPLETED")
                    ? new Outcome(n, "SUCCEEDED", "", variations, true)
                    : new Outcome(n, "FAILED", "still running after 50 polls", variations, true);
        } catch (ReelforgeException e) {
            return new Outcome(n, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), variations, true);
        }
    }

    /** Render.asl.json's Retry for ProviderThrottledException: up to 6 retries (backoff time is skipped here). */
    private static RenderRound withAslRetry(Supplier<RenderRound> step) {
        for (int attempt = 0; ; attempt++) {
            try {
                return step.get();
            } catch (ProviderThrottledException e) {
                if (attempt == ASL_MAX_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
