package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Mp4Bytes;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReviewScore on a stored clip it cannot decode: the provider's original is downloaded once more before it gives up. */
class ReviewRedownloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "clips/acme/j-1/1/0.mp4";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final Deque<byte[]> served = new ArrayDeque<>();
    private final JobTicket ticket =
            new JobTicket("j-1", "acme", "j-1", "", false, "", "", "scripted", "m", false, true, 1, 1, List.of());
    private final RenderRound round = new RenderRound(
            1,
            RoundMode.INITIAL,
            "p",
            "",
            List.of(new RenderRound.ProviderTask(0, 7, "job_77", ProviderJob.State.COMPLETED, 100, KEY, "", "")),
            RenderRound.Status.COMPLETED,
            100,
            1,
            "",
            1,
            4);
    private DirectoryClipStore bucket;
    private RenderRequest request;

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        bucket = new DirectoryClipStore(dir.resolve("bucket"));
        bucket.putBytes(KEY, Arrays.copyOf(Mp4Bytes.clip(4), 40), "video/mp4");
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
    }

    /** Decodes only the provider's fresh copy (a whole MP4 of 4 s), as FFmpeg would read the synthetic series. */
    private final ClipAnalyzer analyzer = clip -> {
        try {
            if (Files.size(clip) < Mp4Bytes.clip(4).length) {
                throw new MediaProcessingException("moov atom not found");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SyntheticClip(5, 1).metrics();
    };

    private ReviewStep step() {
        return new ReviewStep(
                bucket, analyzer, jobs, JSON, dir.resolve("work"), clock, ClipJudging.off(), name -> provider);
    }

    @Test
    void run_storedClipUndecodable_downloadsTheOriginalAgainAndReviewsIt() {
        served.add(Mp4Bytes.clip(4));

        var outcome = step().run(request, ticket, round);

        assertThat(outcome.bestClipKey()).isEqualTo(KEY);
        assertThat(bucket.getBytes(KEY)).hasValue(Mp4Bytes.clip(4));
    }

    @Test
    void run_secondDownloadNotAnMp4_failsNamingTheProviderJobId() {
        served.add("<!DOCTYPE html><html>error</html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> step().run(request, ticket, round))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("job_77")
                .hasMessageContaining("HTML page")
                .hasMessageContaining("recover it");
    }

    @Test
    void run_withoutAProviderToAsk_failsAtOnceNamingTheProviderJobId() {
        ReviewStep withoutProvider =
                new ReviewStep(bucket, analyzer, jobs, JSON, dir.resolve("work"), clock, ClipJudging.off());

        assertThatThrownBy(() -> withoutProvider.run(request, ticket, round))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("job_77")
                .hasMessageContaining("moov atom not found");
    }

    private final VideoProvider provider = new VideoProvider() {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderJob poll(String providerJobId) {
            return new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
        }

        @Override
        public void download(String providerJobId, Path target) {
            try {
                Files.write(target, served.removeFirst());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
