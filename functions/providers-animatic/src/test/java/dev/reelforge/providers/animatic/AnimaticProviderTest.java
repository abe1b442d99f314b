package dev.reelforge.providers.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ProviderJob.State;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimaticProviderTest {
    @TempDir
    Path work;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch reachedHalfway = new CountDownLatch(1);
    private final AtomicInteger renders = new AtomicInteger();
    private AnimaticProvider provider;

    @AfterEach
    void closeProvider() {
        release.countDown();
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void submit_realRender_pollsThroughToCompletedAndDownloadsTheClip() throws Exception {
        provider = new AnimaticProvider(work, new AnimaticRenderer(Ffmpeg.bundled()), 1, 4);

        ProviderJob submitted = provider.submit(spec(), "tenant/req-1/attempt-1");
        ProviderJob job = submitted;
        for (int i = 0; i < 3 && !job.state().isDone(); i++) {
            provider.awaitIdle();
            job = provider.poll(submitted.providerJobId());
        }

        assertThat(submitted.state()).isIn(State.QUEUED, State.IN_PROGRESS);
        assertThat(submitted.pollAfterSeconds()).isEqualTo(1);
        assertThat(job.state()).isEqualTo(State.COMPLETED);
        assertThat(job.progressPercent()).isEqualTo(100);
        Path target = work.resolve("downloads/clip.mp4");
        provider.download(job.providerJobId(), target);
        assertThat(Files.mismatch(target, work.resolve(job.providerJobId() + ".mp4")))
                .isEqualTo(-1);
        ProbeResult probe = new FfprobeClipProbe(Ffmpeg.bundled()).probe(target);
        assertThat(probe.width()).isEqualTo(360);
        assertThat(probe.height()).isEqualTo(640);
        assertThat(work.resolve(job.providerJobId() + ".partial.mp4")).doesNotExist();
    }

    @Test
    void poll_whileRendering_reportsInProgressWithRendererProgress() throws Exception {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);

        String id = provider.submit(spec(), "key").providerJobId();
        assertThat(reachedHalfway.await(10, TimeUnit.SECONDS)).isTrue();
        ProviderJob during = provider.poll(id);
        release.countDown();
        provider.awaitIdle();

        assertThat(during.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(during.progressPercent()).isEqualTo(40);
        assertThat(provider.poll(id).state()).isEqualTo(State.COMPLETED);
    }

    @Test
    void submit_sameKeyTwice_returnsSameJobAndRendersOnce() {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);

        ProviderJob first = provider.submit(spec(), "same-key");
        ProviderJob second = provider.submit(spec(), "same-key");
        release.countDown();
        provider.awaitIdle();
        provider.submit(spec(), "same-key");

        assertThat(second.providerJobId())
                .isEqualTo(first.providerJobId())
                .isEqualTo(AnimaticProvider.jobId("same-key"));
        assertThat(first.providerJobId()).matches("anim-[0-9a-f]{16}");
        assertThat(renders).hasValue(1);
    }

    @Test
    void submit_afterRestartWithFinishedFile_reportsCompletedWithoutRendering() {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);
        String id = provider.submit(spec(), "survives-restart").providerJobId();
        release.countDown();
        provider.awaitIdle();
        provider.close();

        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);
        ProviderJob polled = provider.poll(id);
        ProviderJob resubmitted = provider.submit(spec(), "survives-restart");

        assertThat(polled.state()).isEqualTo(State.COMPLETED);
        assertThat(resubmitted.state()).isEqualTo(State.COMPLETED);
        assertThat(resubmitted.providerJobId()).isEqualTo(id);
        assertThat(renders).hasValue(1);
    }

    @Test
    void poll_renderFails_reportsFailedWithUserFacingReason() {
        provider = new AnimaticProvider(
                work,
                (spec, out, progress) -> {
                    throw new MediaProcessingException("ffmpeg failed while encoding the animatic (exit 1): disk full");
                },
                1,
                4);

        String id = provider.submit(spec(), "doomed").providerJobId();
        provider.awaitIdle();
        ProviderJob job = provider.poll(id);

        assertThat(job.state()).isEqualTo(State.FAILED);
        assertThat(job.failureReason()).contains("disk full");
        assertThatThrownBy(() -> provider.download(id, work.resolve("x.mp4")))
                .isInstanceOf(ProviderFailedException.class);
    }

    @Test
    void submit_unknownDefect_throwsInvalidRequestNamingIt() {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);
        GenerationSpec spec = spec();
        GenerationSpec withDefect = new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                List.of("glitter"),
                "",
                "");

        assertThatThrownBy(() -> provider.submit(withDefect, "k"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("glitter");
        assertThat(renders).hasValue(0);
    }

    @Test
    void submit_queueFull_throwsThrottled() throws Exception {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 1);
        provider.submit(spec(), "a");
        assertThat(reachedHalfway.await(10, TimeUnit.SECONDS)).isTrue();
        provider.submit(spec(), "b");

        assertThatThrownBy(() -> provider.submit(spec(), "c")).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void poll_unknownJob_reportsFailedAskingToSubmitAgain() {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);

        ProviderJob job = provider.poll("anim-0000000000000000");

        assertThat(job.state()).isEqualTo(State.FAILED);
        assertThat(job.failureReason()).contains("submit again");
    }

    @Test
    void download_pathLikeJobId_isRefused() {
        provider = new AnimaticProvider(work, this::blockingRender, 1, 4);

        assertThatThrownBy(() -> provider.download("../../etc/passwd", work.resolve("x")))
                .isInstanceOf(ProviderFailedException.class);
    }

    private void blockingRender(GenerationSpec spec, Path output, IntConsumer progress) {
        renders.incrementAndGet();
        progress.accept(40);
        reachedHalfway.countDown();
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new MediaProcessingException("test render was never released");
            }
            Files.writeString(output, "clip");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaProcessingException("test render interrupted", e);
        } catch (IOException e) {
            throw new MediaProcessingException("test render could not write", e);
        }
    }

    private void countedRender(GenerationSpec spec, Path out, IntConsumer progress) {
        renders.incrementAndGet();
        try {
            Files.write(out, ("clip of " + spec.prompt()).getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void inline_submitRendersBeforeReturning_andAnotherContainersPollFindsTheClipInTheStore() throws Exception {
        DirectoryClipStore bucket = new DirectoryClipStore(work.resolve("bucket"));
        AnimaticProvider submitContainer =
                AnimaticProvider.inline(bucket, work.resolve("submit-tmp"), this::countedRender);
        AnimaticProvider pollContainer = AnimaticProvider.inline(bucket, work.resolve("poll-tmp"), this::countedRender);

        ProviderJob submitted = submitContainer.submit(spec(), "tenant/req-9/attempt-1");

        assertThat(submitted.state()).isEqualTo(State.COMPLETED);
        assertThat(bucket.exists(AnimaticProvider.STORE_PREFIX + submitted.providerJobId() + ".mp4"))
                .isTrue();
        ProviderJob polled = pollContainer.poll(submitted.providerJobId());
        assertThat(polled.state()).isEqualTo(State.COMPLETED);
        Path copy = work.resolve("downloaded.mp4");
        pollContainer.download(submitted.providerJobId(), copy);
        assertThat(Files.readString(copy)).isEqualTo("clip of a ball drops");
        assertThat(pollContainer.submit(spec(), "tenant/req-9/attempt-1").state())
                .isEqualTo(State.COMPLETED);
        assertThat(renders).hasValue(1);
        try (var leftovers = Files.list(work.resolve("submit-tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void inline_renderFails_submitReturnsFailedAndNoClipIsStored() {
        DirectoryClipStore bucket = new DirectoryClipStore(work.resolve("bucket"));
        AnimaticProvider inline = AnimaticProvider.inline(bucket, work.resolve("tmp"), (spec, out, progress) -> {
            throw new MediaProcessingException("ffmpeg failed while encoding the animatic (exit 1): disk full");
        });

        ProviderJob submitted = inline.submit(spec(), "tenant/req-10/attempt-1");

        assertThat(submitted.state()).isEqualTo(State.FAILED);
        assertThat(submitted.failureReason()).contains("disk full");
        assertThat(bucket.exists(AnimaticProvider.STORE_PREFIX + submitted.providerJobId() + ".mp4"))
                .isFalse();
        assertThat(AnimaticProvider.inline(bucket, work.resolve("tmp2"), this::countedRender)
                        .poll(submitted.providerJobId())
                        .state())
                .isEqualTo(State.FAILED);
    }

    private static GenerationSpec spec() {
        Storyboard board = new Storyboard(
                "a ball drops",
                List.of(new Beat(0, 1, "A ball drops and hits the floor")),
                List.of(new AudioCue(0.6, "thud")));
        RenderSettings settings = new RenderSettings(AspectRatio.PORTRAIT_9_16, 1.0, Resolution.R360P, 12, 1, "");
        return new GenerationSpec("a ball drops", board, settings, "animatic", 5, List.of(), "", "");
    }
}
