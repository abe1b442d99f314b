package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.ProviderJobHistory;
import dev.reelforge.core.job.ProviderJobHistory.DownloadAttempt;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Mp4Bytes;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
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

/**
 * Poll's download checks (a bad body is downloaded again with backoff, and only a whole MP4 becomes the clip) and its
 * respect for a provider's Retry-After.
 */
class PollStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HTML =
            "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final JobTicket ticket =
            new JobTicket("j-1", "acme", "j-1", "", false, "", "", "scripted", "m", false, true, 1, 1, List.of());
    private PollStep poll;
    private DirectoryClipStore bucket;

    @BeforeEach
    void setUp() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        bucket = new DirectoryClipStore(dir.resolve("bucket"));
        poll = new PollStep(name -> provider, bucket, jobs, JSON, dir.resolve("work"), clock);
    }

    private static RenderRound running(double seconds) {
        return new RenderRound(
                1,
                RoundMode.INITIAL,
                "p",
                "",
                List.of(new ProviderTask(0, 7, "job_1", ProviderJob.State.IN_PROGRESS, 50, "", "", "")),
                RenderRound.Status.RUNNING,
                50,
                1,
                "2026-12-02T11:00:00Z",
                1,
                seconds);
    }

    @Test
    void run_htmlPageThenTruncatedThenWholeMp4_storesOnlyTheMp4AndBacksOff() {
        byte[] mp4 = Mp4Bytes.clip(8);
        provider.bodies.add(HTML);
        provider.bodies.add(Arrays.copyOf(mp4, mp4.length / 2));
        provider.bodies.add(mp4);

        RenderRound first = poll.run(ticket, running(8));
        assertThat(first.status()).isEqualTo(RenderRound.Status.RUNNING);
        assertThat(first.tasks().get(0).rejectedDownloads()).isEqualTo(1);
        assertThat(first.pollAfterSeconds()).isEqualTo(2);
        RenderRound second = poll.run(ticket, first);
        assertThat(second.tasks().get(0).rejectedDownloads()).isEqualTo(2);
        assertThat(second.pollAfterSeconds()).isEqualTo(4);
        RenderRound third = poll.run(ticket, second);

        assertThat(third.status()).isEqualTo(RenderRound.Status.COMPLETED);
        assertThat(bucket.getBytes(third.tasks().get(0).clipKey())).hasValue(mp4);
        ProviderJobHistory history =
                new ProviderHistory().read(jobs.find("j-1").orElseThrow()).get(0);
        assertThat(history.downloads())
                .extracting(DownloadAttempt::outcome)
                .containsExactly(
                        DownloadAttempt.Outcome.REJECTED,
                        DownloadAttempt.Outcome.REJECTED,
                        DownloadAttempt.Outcome.STORED);
        assertThat(history.downloads().get(0).reason()).isEqualTo("the body was an HTML page, not an MP4");
        assertThat(history.downloads().get(1).reason()).contains("truncated");
        assertThat(history.downloads().get(2).sha256())
                .isEqualTo(third.tasks().get(0).sha256())
                .hasSize(64);
        assertThat(history.states())
                .extracting(ProviderJobHistory.StateSeen::state)
                .containsExactly("COMPLETED");
    }

    @Test
    void run_everyDownloadBad_failsTheClipNamingTheProviderJobId() {
        for (int i = 0; i < PollStep.MAX_DOWNLOADS; i++) {
            provider.bodies.add(HTML);
        }
        RenderRound round = running(8);
        for (int lap = 0; lap < PollStep.MAX_DOWNLOADS - 1; lap++) {
            round = poll.run(ticket, round);
        }
        RenderRound last = round;

        assertThatThrownBy(() -> poll.run(ticket, last))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("job_1")
                .hasMessageContaining("4 downloads")
                .hasMessageContaining("HTML page")
                .hasMessageContaining("recover it");
    }

    @Test
    void run_contentTypeRefusedByTheAdapter_countsAsARejectedDownload() {
        provider.refuseWith = "scripted served the finished video as 'text/html'";

        RenderRound round = poll.run(ticket, running(8));

        assertThat(round.tasks().get(0).rejectedDownloads()).isEqualTo(1);
        assertThat(new ProviderHistory()
                        .read(jobs.find("j-1").orElseThrow())
                        .get(0)
                        .downloads()
                        .get(0)
                        .reason())
                .contains("text/html");
    }

    @Test
    void run_mp4OfImplausibleLength_isRejected() {
        provider.bodies.add(Mp4Bytes.clip(1));

        RenderRound round = poll.run(ticket, running(8));

        assertThat(round.tasks().get(0).clipKey()).isEmpty();
        assertThat(new ProviderHistory()
                        .read(jobs.find("j-1").orElseThrow())
                        .get(0)
                        .downloads()
                        .get(0)
                        .reason())
                .isEqualTo("the MP4 lasts 1.0 s where 8.0 s were asked for");
    }

    @Test
    void run_roundWithoutARequestedLength_acceptsAnyPositiveLength() {
        provider.bodies.add(Mp4Bytes.clip(1));

        assertThat(poll.run(ticket, running(0)).status()).isEqualTo(RenderRound.Status.COMPLETED);
    }

    @Test
    void run_pollThrottledWithRetryAfter_waitsThatLongInsteadOfFailingTheState() {
        provider.throttleSeconds = 7;

        RenderRound round = poll.run(ticket, running(8));

        assertThat(round.status()).isEqualTo(RenderRound.Status.RUNNING);
        assertThat(round.pollAfterSeconds()).isEqualTo(7);
        assertThat(round.tasks()).isEqualTo(running(8).tasks());
    }

    @Test
    void run_pollThrottledWithoutRetryAfter_leavesTheRetryToTheStateMachine() {
        provider.throttleSeconds = 0;
        provider.throttle = true;

        assertThatThrownBy(() -> poll.run(ticket, running(8))).isInstanceOf(ProviderThrottledException.class);
    }

    /** Completed at once; each download serves the next scripted body. */
    private static final class ScriptedProvider implements VideoProvider {
        final Deque<byte[]> bodies = new ArrayDeque<>();
        String refuseWith = "";
        int throttleSeconds;
        boolean throttle;

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
            if (throttle || throttleSeconds > 0) {
                throw new ProviderThrottledException("scripted is rate limiting us", throttleSeconds);
            }
            return new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
        }

        @Override
        public void download(String providerJobId, Path target) {
            if (!refuseWith.isEmpty()) {
                throw new CorruptDownloadException(refuseWith);
            }
            try {
                Files.write(target, bodies.removeFirst());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
