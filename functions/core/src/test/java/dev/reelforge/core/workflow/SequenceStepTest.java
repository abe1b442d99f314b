package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelCapabilities ANIMATIC =
            CapabilityCatalog.bundled(JSON).find("animatic", "animatic-1").orElseThrow();
    private static final RenderRequest KETTLE = new RenderRequest(
            "acme",
            "kettle-1",
            "three shots",
            new Storyboard(
                    "A red enamel kettle in a sunlit kitchen.",
                    List.of(
                            new Beat(0, 5, "Wide shot: the kettle sits on the stove."),
                            new Beat(5, 10, "Close-up: steam rises from the spout."),
                            new Beat(10, 15, "Dissolve to a medium shot: a hand lifts the kettle.")),
                    List.of()),
            new RenderSettings(AspectRatio.LANDSCAPE_16_9, 15, Resolution.R480P, 24, 1, ""),
            new RenderRequest.ProviderChoice("animatic", "animatic-1"),
            5,
            3,
            RenderRequest.GiveUpPolicy.ACCEPT_BEST,
            List.of(),
            false,
            Map.of(),
            dev.reelforge.core.request.ReferenceSource.NONE);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final JobTicket ticket = new JobTicket(
            "j-1", "acme", "kettle-1", "key-1", false, "", "", "animatic", "animatic-1", false, true, 0, 0, List.of());
    private DirectoryClipStore bucket;
    private SequenceStep step;

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "kettle-1", clock.instant()));
        bucket = new DirectoryClipStore(dir);
        step = new SequenceStep(bucket, jobs, JSON, clock, job -> ANIMATIC);
        int[][] attempts = {{1, 1}, {2, 4}, {2, 5}, {3, 7}};
        for (int[] a : attempts) {
            jobs.update(
                    "j-1",
                    r -> r.withDetail(r.detail()
                            .withAttempt(
                                    AttemptDetail.submitted(a[1], RoundMode.INITIAL, "", List.of("anim-" + a[1]), 0)
                                            .ofShot(a[0]))));
        }
    }

    private static ShotResult accepted(int index, int attempt, Verdict verdict) {
        String clip = "clips/acme/j-1/" + attempt + "/0.mp4";
        return new ShotResult(
                index,
                new ReviewOutcome(verdict, "ok", clip, "anim-" + attempt, List.of(), RoundMode.NONE, "", "", "r"),
                RenderRound.before(attempt + 1));
    }

    @Test
    void run_everyShotPassed_passesWithTheShotClipsInOrderAndWritesTheReport() throws Exception {
        ReviewOutcome review = step.run(
                KETTLE,
                ticket,
                List.of(accepted(3, 7, Verdict.PASS), accepted(1, 1, Verdict.PASS), accepted(2, 5, Verdict.PASS)));

        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
        assertThat(review.shotClipKeys())
                .containsExactly("clips/acme/j-1/1/0.mp4", "clips/acme/j-1/5/0.mp4", "clips/acme/j-1/7/0.mp4");
        assertThat(review.reason()).contains("all 3 shots passed").contains("shot 2 re-rendered 1×");
        JsonNode report = JSON.readTree(bucket.getBytes(review.reportKey()).orElseThrow());
        assertThat(report.path("shots").get(1).path("reRendered").asBoolean()).isTrue();
        assertThat(JSON.convertValue(report.path("shots").get(1).path("providerJobIds"), List.class))
                .containsExactly("anim-4", "anim-5");
        assertThat(report.path("joins").get(0).path("atSeconds").asDouble()).isEqualTo(4.75);
        assertThat(jobs.find("j-1").orElseThrow().detail().warnings())
                .anySatisfy(w -> assertThat(w).contains("shot 2 joins with a cut"));
    }

    @Test
    void run_aShotAcceptedAfterGivingUp_givesUpAcceptingTheSequence() {
        ReviewOutcome review = step.run(
                KETTLE,
                ticket,
                List.of(
                        accepted(1, 1, Verdict.PASS),
                        accepted(2, 5, Verdict.GIVE_UP_ACCEPT),
                        accepted(3, 7, Verdict.PASS)));

        assertThat(review.verdict()).isEqualTo(Verdict.GIVE_UP_ACCEPT);
        assertThat(review.reason()).startsWith("shot 2: ");
    }
}
