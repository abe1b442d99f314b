package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostProcess writes the media plan for the approved clip, or for the cached one on a cache hit. */
class PostProcessStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final ReviewOutcome passed = new ReviewOutcome(
            Verdict.PASS, "", "clips/acme/j-1/1/0.mp4", "job_1", List.of(), RoundMode.NONE, "", "", "");
    private DirectoryClipStore bucket;
    private PostProcessStep postProcess;
    private RenderRequest request;

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        bucket = new DirectoryClipStore(dir);
        postProcess = new PostProcessStep(bucket, jobs, JSON, clock);
        request = new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", "j-1")
                        .put("prompt", "A heavy iron kettle on a table, tripod shot.")
                        .put("budgetUsd", 5));
    }

    private static JobTicket ticket(boolean cacheHit) {
        return new JobTicket(
                "j-1",
                "acme",
                "j-1",
                "key-1",
                cacheHit,
                cacheHit ? "clips/acme/j-0/1/0.mp4" : "",
                cacheHit ? "j-0" : "",
                "animatic",
                "m",
                false,
                true,
                0,
                0,
                List.of());
    }

    private MediaPlan plan(MediaRef media) throws Exception {
        return JSON.readValue(bucket.getBytes(media.planKey()).orElseThrow(), MediaPlan.class);
    }

    @Test
    void run_approvedClip_plansItsPolishAndMarksTheJobPostProcessing() throws Exception {
        MediaRef media = postProcess.run(request, ticket(false), passed);

        MediaPlan plan = plan(media);
        assertThat(media.sourceKey()).isEqualTo("clips/acme/j-1/1/0.mp4");
        assertThat(plan.sourceKey()).isEqualTo(media.sourceKey());
        assertThat(plan.origin().providerJobId()).isEqualTo("job_1");
        assertThat(plan.renditions()).isNotEmpty();
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.POST_PROCESSING);
    }

    @Test
    void run_cacheHit_plansTheCachedClipWithoutAProviderJob() throws Exception {
        MediaRef media = postProcess.run(request, ticket(true), ReviewOutcome.notReviewed());

        assertThat(media.sourceKey()).isEqualTo("clips/acme/j-0/1/0.mp4");
        assertThat(plan(media).origin().providerJobId()).isEmpty();
    }
}
