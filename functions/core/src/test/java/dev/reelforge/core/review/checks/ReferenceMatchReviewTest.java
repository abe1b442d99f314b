package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.FrameComparison;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Mp4Bytes;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ReviewStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reference-match compares the first frame with the fitted copy; a job without a reference marks it not applicable. */
class ReferenceMatchReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIP = "clips/acme/j-1/1/0.mp4";
    private static final String FITTED = "references/acme/fitted/" + "b".repeat(64) + "-crop-1280x720.png";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final List<byte[]> compared = new ArrayList<>();
    private DirectoryClipStore bucket;
    private RenderRequest request;
    private double ssim;

    private final RenderRound round = new RenderRound(
            1,
            RoundMode.INITIAL,
            "p",
            "",
            List.of(new RenderRound.ProviderTask(0, 7, "job_77", ProviderJob.State.COMPLETED, 100, CLIP, "", "")),
            RenderRound.Status.COMPLETED,
            100,
            1,
            "",
            1,
            4);

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        bucket = new DirectoryClipStore(dir.resolve("bucket"));
        bucket.putBytes(CLIP, Mp4Bytes.clip(4), "video/mp4");
        bucket.putBytes(FITTED, Stills.png(1280, 720, 0), "image/png");
        request = new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", "j-1")
                        .put("prompt", "a white mug slides off an oak table")
                        .set(
                                "settings",
                                JSON.createObjectNode()
                                        .put("aspectRatio", "16:9")
                                        .put("durationSeconds", 5)));
    }

    private ReviewOutcome review(ReferenceImage reference) {
        FrameComparison frames = new FrameComparison() {
            @Override
            public double firstFrameSsim(Path clip, Path image) {
                try {
                    compared.add(Files.readAllBytes(image));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return ssim;
            }

            @Override
            public void writeLastFrame(Path clip, Path png) {
                throw new AssertionError("a single clip has no next shot to start from its last frame");
            }
        };
        JobTicket ticket = new JobTicket(
                "j-1", "acme", "j-1", "", false, "", "", "scripted", "m", false, true, 1, 1, List.of(), reference);
        return new ReviewStep(
                        bucket,
                        clip -> new SyntheticClip(5, 1).metrics(),
                        jobs,
                        JSON,
                        dir.resolve("work"),
                        clock,
                        ClipJudging.off(),
                        null,
                        frames)
                .run(request, ticket, round);
    }

    private static Check check(ReviewOutcome outcome) {
        return outcome.checks().stream()
                .filter(c -> c.name().equals(ReferenceMatch.NAME))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void run_firstFrameLikeTheReference_passesWithTheFittedCopyCompared() {
        ssim = 0.93;

        Check check = check(
                review(new ReferenceImage("references/acme/m.png", "b".repeat(64), "", FITTED, "image/png", "crop")));

        assertThat(check.passed()).isTrue();
        assertThat(check.value()).isEqualTo(0.93);
        assertThat(compared).containsExactly(Stills.png(1280, 720, 0));
    }

    @Test
    void run_firstFrameUnlikeTheReference_fails() {
        ssim = 0.42;

        Check check = check(
                review(new ReferenceImage("references/acme/m.png", "b".repeat(64), "", FITTED, "image/png", "crop")));

        assertThat(check.passed()).isFalse();
        assertThat(check.suggestedFix()).contains("first frame");
    }

    @Test
    void run_noReference_isNotApplicableAndComparesNothing() {
        Check check = check(review(ReferenceImage.NONE));

        assertThat(check.applicable()).isFalse();
        assertThat(check.passed()).isTrue();
        assertThat(compared).isEmpty();
    }
}
