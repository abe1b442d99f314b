package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finalize records the outputs, ends the job SUCCEEDED and caches only a clip that passed review. */
class FinalizeStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaRef MEDIA =
            new MediaRef("jobs/acme/j-1/media-plan.json", "jobs/acme/j-1/media-result.json", "clips/acme/j-1/1/0.mp4");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final JobTicket ticket =
            new JobTicket("j-1", "acme", "j-1", "key-1", false, "", "", "animatic", "m", false, true, 0, 0, List.of());
    private DirectoryClipStore bucket;
    private FinalizeStep finalize;

    @BeforeEach
    void setUp() throws Exception {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        bucket = new DirectoryClipStore(dir);
        finalize = new FinalizeStep(bucket, jobs, cache, JSON, clock);
        MediaResult result = new MediaResult(
                "j-1",
                List.of(new MediaResult.Output("720p", "outputs/acme/j-1/720p.mp4", 1280, 720, "ab")),
                "libopenh264",
                "no GPU");
        bucket.putBytes(MEDIA.resultKey(), JSON.writeValueAsBytes(result), "application/json");
    }

    private static ReviewOutcome review(Verdict verdict) {
        return new ReviewOutcome(
                verdict, "reason", MEDIA.sourceKey(), "job_1", List.of(), RoundMode.NONE, "", "", "report-key");
    }

    @Test
    void run_passed_recordsTheOutputsAndCachesTheClip() {
        JobSummary summary = finalize.run(ticket, review(Verdict.PASS), MEDIA);

        assertThat(summary.verdict()).isEqualTo("pass");
        assertThat(summary.outputs()).extracting(JobSummary.Output::key).containsExactly("outputs/acme/j-1/720p.mp4");
        JobRecord record = jobs.find("j-1").orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(record.outputs()).containsEntry("720p", "outputs/acme/j-1/720p.mp4");
        assertThat(cache.find("key-1")).get().extracting(c -> c.clipKey()).isEqualTo(MEDIA.sourceKey());
    }

    @Test
    void run_acceptedAfterGivingUp_warnsAndDoesNotCache() {
        JobSummary summary = finalize.run(ticket, review(Verdict.GIVE_UP_ACCEPT), MEDIA);

        assertThat(summary.warnings()).anyMatch(w -> w.startsWith("accepted without passing every check"));
        assertThat(cache.find("key-1")).isEmpty();
    }

    @Test
    void run_noResultDocument_failsAsAMediaError() {
        MediaRef missing = new MediaRef(MEDIA.planKey(), "jobs/acme/j-1/none.json", MEDIA.sourceKey());

        assertThatThrownBy(() -> finalize.run(ticket, review(Verdict.PASS), missing))
                .isInstanceOf(MediaProcessingException.class);
    }
}
