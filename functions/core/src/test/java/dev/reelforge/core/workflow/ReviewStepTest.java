package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.checks.SyntheticClip;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Mp4Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReviewScore scores the round's clips, records the attempt on the job record and writes the report. */
class ReviewStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "clips/acme/j-1/1/0.mp4";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final ClipAnalyzer analyzer = clip -> new SyntheticClip(5, 1).metrics();
    private final JobTicket ticket = new JobTicket(
            "j-1", "acme", "j-1", "", false, "", "", "animatic", "m", false, 1, 1, List.of("prompt is long"));
    private final String sha256 = Sha256.hex(Mp4Bytes.clip(4));
    private final RenderRound round = new RenderRound(
            1,
            RoundMode.INITIAL,
            "p",
            "",
            List.of(new RenderRound.ProviderTask(0, 7, "job_77", ProviderJob.State.COMPLETED, 100, KEY, "", sha256)),
            RenderRound.Status.COMPLETED,
            100,
            1,
            "",
            1,
            5);
    private DirectoryClipStore bucket;
    private RenderRequest request;
    private ReviewStep review;

    @BeforeEach
    void setUp() {
        JobRecord opened = JobRecord.received("j-1", "acme", "j-1", clock.instant());
        jobs.create(opened.withDetail(JobDetail.opened(List.of("prompt is long"))
                .withAttempt(AttemptDetail.submitted(1, RoundMode.INITIAL, "", List.of("job_77"), 1.0))));
        bucket = new DirectoryClipStore(dir.resolve("bucket"));
        bucket.putBytes(KEY, Mp4Bytes.clip(4), "video/mp4");
        request = new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", "j-1")
                        .put("prompt", "a white mug slides off an oak table")
                        .put("budgetUsd", 10)
                        .set(
                                "settings",
                                JSON.createObjectNode()
                                        .put("aspectRatio", "16:9")
                                        .put("resolution", "720p")
                                        .put("durationSeconds", 5)
                                        .put("variations", 1)));
        review = new ReviewStep(bucket, analyzer, jobs, JSON, dir.resolve("work"), clock, ClipJudging.off());
    }

    @Test
    void run_oneClip_recordsTheVerdictBesideTheSubmissionOfTheSameAttempt() {
        ReviewOutcome outcome = review.run(request, ticket, round);

        JobRecord record = jobs.find("j-1").orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.REVIEWING);
        AttemptDetail attempt = record.detail().attempts().get(0);
        assertThat(record.detail().attempts()).hasSize(1);
        assertThat(attempt.mode()).isEqualTo(RoundMode.INITIAL);
        assertThat(attempt.estimatedCostUsd()).isEqualTo(1.0);
        assertThat(attempt.verdict()).isEqualTo(outcome.verdict());
        assertThat(attempt.bestClipKey()).isEqualTo(KEY).isEqualTo(outcome.bestClipKey());
        assertThat(attempt.clips())
                .singleElement()
                .extracting(c -> c.checks().size())
                .isNotEqualTo(0);
        assertThat(attempt.originals()).containsExactly(new AttemptDetail.Original(KEY, "job_77", sha256));
        assertThat(outcome.bestProviderJobId()).isEqualTo("job_77");
    }

    @Test
    void run_retried_recordsTheAttemptOnce() {
        review.run(request, ticket, round);
        review.run(request, ticket, round);

        JobDetail detail = jobs.find("j-1").orElseThrow().detail();
        assertThat(detail.attempts()).hasSize(1);
        assertThat(detail.warnings()).doesNotHaveDuplicates().contains("prompt is long");
    }

    @Test
    void run_writesTheReportWithTheJobRecordsAttempts() throws IOException {
        ReviewOutcome outcome = review.run(request, ticket, round);

        JsonNode report = JSON.readTree(bucket.getBytes(outcome.reportKey()).orElseThrow());
        assertThat(report.path("verdict").asText()).isEqualTo(outcome.verdict().wireName());
        assertThat(report.path("attempts")
                        .get(0)
                        .path("originals")
                        .get(0)
                        .path("providerJobId")
                        .asText())
                .isEqualTo("job_77");
        assertThat(report.path("attempts").get(0).path("mode").asText()).isEqualTo("initial");
        assertThat(report.path("warnings").get(0).asText()).isEqualTo("prompt is long");
        assertThat(report.path("providerJobs").isArray()).isTrue();
    }
}
