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
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.ProviderJobHistory;
import dev.reelforge.core.media.Mp4Structure;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.PollStep;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.SubmitStep;
import dev.reelforge.providers.openai.OpenAiVideosProvider;
import dev.reelforge.providers.openai.OpenAiVideosSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty renders through SubmitStep and PollStep against an OpenAI-compatible fake that faults ~30 % of calls
 * (seeded; {@link FaultyVideosApi}): throttling with Retry-After, 5xx, garbled bodies, stalls past the client's
 * timeout, creates whose reply is lost after the job was made, and corrupt download bodies. The renders run one
 * after another on a clock the test moves (the Wait state's {@code pollAfterSeconds}, the Retry's backoff at its
 * upper bound), so nothing sleeps and the run is the same every time; render.asl.json's Retry is replayed
 * (ProviderThrottledException, 6 retries; anything else is caught and recorded with its message).
 *
 * <p>Every fault is transient, so exactly the five requests the fake refuses by moderation end FAILED, with that
 * reason, and the other 45 SUCCEEDED; every stored clip is a whole MP4; the provider created exactly the jobs the job
 * records name (a lost reply is found by listing and adopted, never created twice), with no possible duplicate.
 */
class FaultInjectionTest {
    private static final int REQUESTS = 50;
    private static final int REFUSED = 5;
    private static final int ASL_MAX_RETRIES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T10:00:00Z"));
    private FaultyVideosApi api;
    private WireMockServer server;

    @BeforeEach
    void start() {
        api = new FaultyVideosApi(20261202L, 0.3, 2000, clock);
        server = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(20)
                .extensions(api));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private record Outcome(int n, String status, String reason, int variations) {}

    @Test
    void renders_underThirtyPercentFaults_onlyTheRefusedFailAndEveryPaidJobIsRecordedOnce() throws IOException {
        VideoProvider provider = new OpenAiVideosProvider(
                OpenAiVideosSettings.of(URI.create(server.baseUrl() + "/v1"), "sk-fault-test")
                        .withRequestTimeout(Duration.ofMillis(1500)),
                JSON,
                new InMemoryProviderJobLedger(),
                clock);
        InMemoryJobStore jobs = new InMemoryJobStore();
        SubmitStep submit = new SubmitStep(name -> provider, jobs, JSON, clock);
        DirectoryClipStore bucket = new DirectoryClipStore(dir.resolve("bucket"));
        PollStep poll = new PollStep(name -> provider, bucket, jobs, JSON, dir.resolve("work"), clock);
        List<Outcome> outcomes = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            outcomes.add(render(n, submit, poll, jobs));
        }

        assertThat(outcomes)
                .filteredOn(o -> !refused(o.n()))
                .as("every request the fake does not refuse")
                .hasSize(REQUESTS - REFUSED)
                .allSatisfy(o ->
                        assertThat(o.status()).as("r-%d: %s", o.n(), o.reason()).isEqualTo("SUCCEEDED"));
        assertThat(outcomes)
                .filteredOn(o -> refused(o.n()))
                .as("the requests the fake refuses by moderation")
                .hasSize(REFUSED)
                .allSatisfy(o -> {
                    assertThat(o.status()).as("r-%d", o.n()).isEqualTo("FAILED");
                    assertThat(o.reason())
                            .as("r-%d", o.n())
                            .contains("moderation")
                            .doesNotContain("Exception", "\tat ", "sk-");
                });

        ProviderHistory history = new ProviderHistory();
        List<ProviderJobHistory> recorded = new ArrayList<>();
        int possibleDuplicates = 0;
        for (int n = 0; n < REQUESTS; n++) {
            JobRecord record = jobs.find("r-" + n).orElseThrow();
            List<ProviderJobHistory> ofRequest = history.read(record);
            assertThat(ofRequest)
                    .as("provider jobs of r-%d", n)
                    .hasSize(outcomes.get(n).variations());
            recorded.addAll(ofRequest);
            possibleDuplicates += history.possibleDuplicates(record).size();
        }
        Set<String> recordedIds =
                recorded.stream().map(ProviderJobHistory::providerJobId).collect(Collectors.toSet());
        assertThat(recordedIds).as("distinct provider jobs on the records").hasSize(recorded.size());
        assertThat(api.createdJobIds())
                .as("every job the provider created (and bills) is on a job record")
                .containsExactlyInAnyOrderElementsOf(recordedIds);
        assertThat(possibleDuplicates)
                .as("possible duplicates, for a protocol that can list recent jobs")
                .isZero();

        Map<String, Integer> faults = api.faults();
        List<String> adopted = recorded.stream()
                .filter(j -> j.creates().stream().anyMatch(c -> c.outcome() == CreateAttempt.Outcome.ADOPTED))
                .map(ProviderJobHistory::providerJobId)
                .toList();
        assertThat(api.lostReplyJobIds()).as("lost replies injected").isNotEmpty();
        assertThat(adopted)
                .as("jobs adopted by listing after their reply was lost")
                .containsAll(api.lostReplyJobIds());
        long rejectedDownloads = recorded.stream()
                .flatMap(j -> j.downloads().stream())
                .filter(d -> d.outcome() == ProviderJobHistory.DownloadAttempt.Outcome.REJECTED)
                .count();
        assertThat(api.corruptBodies()).as("corrupt download bodies served").isGreaterThan(0);
        assertThat(rejectedDownloads)
                .as("corrupt bodies recorded as rejected downloads")
                .isEqualTo(api.corruptBodies());
        assertThat(recorded)
                .filteredOn(j -> j.states().get(j.states().size() - 1).state().equals("COMPLETED"))
                .allSatisfy(j -> assertThat(j.downloads())
                        .last()
                        .satisfies(d -> assertThat(d.sha256()).hasSize(64)));
        try (Stream<Path> stored = Files.walk(dir.resolve("bucket"))) {
            for (Path clip : stored.filter(p -> p.toString().endsWith(".mp4")).toList()) {
                assertThat(Mp4Structure.inspect(clip))
                        .as("stored %s", clip.getFileName())
                        .isInstanceOf(Mp4Structure.Playable.class);
            }
        }
        assertThat(faults).containsKeys("429 Retry-After", "500", "garbled 200", "stall");
        assertThat(api.retryAfterViolations())
                .as("polls and downloads sent before the Retry-After they were given")
                .isZero();
        assertThat(faults.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(api.calls() / 5);
        System.err.printf(
                "fault injection: %d calls, faults %s, outcomes %s, provider jobs %d, adopted %d, rejected downloads"
                        + " %d%n",
                api.calls(),
                faults,
                outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting())),
                recorded.size(),
                adopted.size(),
                rejectedDownloads);
    }

    private static String prompt(int n) {
        return "Request r-" + n + ": a white mug slides off an oak table and shatters"
                + (refused(n) ? " [refuse]" : "");
    }

    /** The fake's moderation refuses r-3, r-13, …, r-43 once they have been created and polled to the end. */
    private static boolean refused(int n) {
        return n % 10 == 3;
    }

    private Outcome render(int n, SubmitStep submit, PollStep poll, InMemoryJobStore jobs) {
        String jobId = "r-" + n;
        int variations = n % 5 == 0 ? 2 : 1;
        RenderRequest request = new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", jobId)
                        .put("prompt", prompt(n))
                        .put("budgetUsd", 10)
                        .set(
                                "settings",
                                JSON.createObjectNode()
                                        .put("aspectRatio", "16:9")
                                        .put("resolution", "720p")
                                        .put("durationSeconds", 8)
                                        .put("variations", variations)));
        jobs.create(JobRecord.received(jobId, "acme", jobId, clock.instant()));
        JobTicket ticket = new JobTicket(
                jobId,
                "acme",
                jobId,
                "",
                false,
                "",
                "",
                OpenAiVideosProvider.NAME,
                "sora-2",
                true,
                0.8,
                0.8 * variations,
                List.of());
        try {
            RenderRound round = withAslRetry(
                    () -> submit.run(request, ticket, RenderRound.notStarted(), ReviewOutcome.notReviewed()));
            for (int lap = 0; lap < 60 && round.status() != RenderRound.Status.COMPLETED; lap++) {
                clock.advance(Duration.ofSeconds(round.pollAfterSeconds()));
                RenderRound current = round;
                round = withAslRetry(() -> poll.run(ticket, current));
            }
            return round.status() == RenderRound.Status.COMPLETED
                    ? new Outcome(n, "SUCCEEDED", "", variations)
                    : new Outcome(n, "FAILED", "still running after 60 polls", variations);
        } catch (ReelforgeException e) {
            return new Outcome(n, "FAILED", e.getMessage(), variations);
        }
    }

    /** Render.asl.json's Retry for ProviderThrottledException: up to 6 retries, waiting the backoff's upper bound. */
    private RenderRound withAslRetry(Supplier<RenderRound> step) {
        for (int attempt = 0; ; attempt++) {
            try {
                return step.get();
            } catch (ProviderThrottledException e) {
                if (attempt == ASL_MAX_RETRIES) {
                    throw e;
                }
                clock.advance(Duration.ofSeconds(Math.min(60, 5L << attempt)));
            }
        }
    }
}
