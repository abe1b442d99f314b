package dev.reelforge.core.workflow;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.RenderTimedOutException;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Asks the provider how each clip of the round is doing. A finished clip is copied into the clip store at once
 * (provider download URLs expire within the hour) and never touched again. The round is COMPLETED when every
 * clip is done and at least one succeeded; if all failed, the round fails with the providers' reasons.
 */
public final class PollStep {
    private final Function<String, VideoProvider> providers;
    private final ClipStore clips;
    private final Path workDir;
    private final Clock clock;

    public PollStep(Function<String, VideoProvider> providers, ClipStore clips, Path workDir, Clock clock) {
        this.providers = providers;
        this.clips = clips;
        this.workDir = workDir;
        this.clock = clock;
    }

    public RenderRound run(JobTicket job, RenderRound round) {
        VideoProvider provider = providers.apply(job.provider());
        List<ProviderTask> tasks = new ArrayList<>();
        int pollAfter = 1;
        for (ProviderTask task : round.tasks()) {
            if (!task.clipKey().isEmpty() || "FAILED".equals(task.state())) {
                tasks.add(task);
                continue;
            }
            ProviderJob status = provider.poll(task.providerJobId());
            pollAfter = Math.max(pollAfter, status.pollAfterSeconds());
            StagedClip staged = status.state() == ProviderJob.State.COMPLETED ? copyToStore(job, round, task, provider) : StagedClip.NONE;
            tasks.add(new ProviderTask(task.variation(), task.seed(), task.providerJobId(), status.state().name(),
                    status.progressPercent(), staged.key(), status.failureReason(), staged.sha256()));
        }
        boolean allDone = tasks.stream().allMatch(t -> !t.clipKey().isEmpty() || "FAILED".equals(t.state()));
        if (allDone && tasks.stream().allMatch(t -> "FAILED".equals(t.state()))) {
            throw new ProviderFailedException("the provider could not render attempt " + round.attempt() + ": "
                    + String.join("; ", tasks.stream().map(ProviderTask::failureReason).distinct().toList()));
        }
        if (!allDone && !round.deadline().isEmpty() && clock.instant().isAfter(Instant.parse(round.deadline()))) {
            throw new RenderTimedOutException("the provider did not finish attempt " + round.attempt() + " by " + round.deadline());
        }
        int progress = (int) Math.round(tasks.stream().mapToInt(t -> t.clipKey().isEmpty() ? t.progressPercent() : 100).average().orElse(0));
        return new RenderRound(round.attempt(), round.mode(), round.prompt(), round.instruction(), tasks,
                allDone ? "COMPLETED" : "RUNNING", progress, pollAfter, round.deadline(), round.spentUsd());
    }

    /** Downloads the finished clip, checksums it and stores it under its final key in one put. */
    private StagedClip copyToStore(JobTicket job, RenderRound round, ProviderTask task, VideoProvider provider) {
        String key = StorageKeys.clip(job.tenant(), job.jobId(), round.attempt(), task.variation());
        try {
            Files.createDirectories(workDir);
            Path local = Files.createTempFile(workDir, "download-", ".mp4");
            try {
                provider.download(task.providerJobId(), local);
                String sha256 = Sha256.hexOfFile(local);
                clips.putFile(key, local, "video/mp4");
                return new StagedClip(key, sha256);
            } finally {
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the provider's clip", e);
        }
    }

    private record StagedClip(String key, String sha256) {
        static final StagedClip NONE = new StagedClip("", "");
    }
}
