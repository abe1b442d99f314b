package dev.reelforge.core.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.RenderTimedOutException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.ProviderJobHistory;
import dev.reelforge.core.job.ProviderJobHistory.DownloadAttempt;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.Mp4Structure;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Asks the provider how each clip of the round is doing. A finished clip is copied into the clip store at once
 * (provider download URLs expire within the hour) and never touched again, but only once it is a whole MP4
 * ({@link Mp4Structure}) of a plausible length: a gateway's error page served with status 200 is downloaded again on
 * a later lap, with backoff, since the provider's render is done and paid for. After {@link #MAX_DOWNLOADS} rejected
 * bodies the clip fails with a reason naming its provider job id, so the render can be recovered by hand. The round
 * is COMPLETED when every clip is done and at least one succeeded; if all failed, the round fails with the reasons.
 * Every provider state change and every download (with its checksum) goes into the job record's provider history.
 * A provider that throttles with a Retry-After is asked again after that long (the round's {@code pollAfterSeconds},
 * which the state machine's Wait honours) instead of after the Retry's own backoff.
 */
public final class PollStep {
    /** Downloads of one finished clip before it is given up as undownloadable. */
    static final int MAX_DOWNLOADS = 4;

    private final Function<String, VideoProvider> providers;
    private final ClipStore clips;
    private final JobStore jobs;
    private final ProviderHistory history;
    private final Path workDir;
    private final Clock clock;

    public PollStep(
            Function<String, VideoProvider> providers,
            ClipStore clips,
            JobStore jobs,
            ObjectMapper json,
            Path workDir,
            Clock clock) {
        this.providers = providers;
        this.clips = clips;
        this.jobs = jobs;
        this.history = new ProviderHistory();
        this.workDir = workDir;
        this.clock = clock;
    }

    public RenderRound run(JobTicket job, RenderRound round) {
        VideoProvider provider = providers.apply(job.provider());
        List<ProviderTask> tasks = new ArrayList<>();
        List<UnaryOperator<JobRecord>> edits = new ArrayList<>();
        int pollAfter = 1;
        try {
            for (ProviderTask task : round.tasks()) {
                if (!task.clipKey().isEmpty() || task.state() == ProviderJob.State.FAILED) {
                    tasks.add(task);
                    continue;
                }
                ProviderJob status;
                try {
                    status = provider.poll(task.providerJobId());
                } catch (ProviderThrottledException e) {
                    if (e.retryAfterSeconds() == 0) {
                        throw e;
                    }
                    tasks.add(task);
                    pollAfter = Math.max(pollAfter, e.retryAfterSeconds());
                    continue;
                }
                String now = clock.instant().toString();
                edits.add(r -> r.withDetail(history.observed(
                        r,
                        task.providerJobId(),
                        new ProviderJobHistory.StateSeen(status.state().name(), now))));
                pollAfter = Math.max(pollAfter, status.pollAfterSeconds());
                if (status.state() != ProviderJob.State.COMPLETED) {
                    tasks.add(new ProviderTask(
                            task.variation(),
                            task.seed(),
                            task.providerJobId(),
                            status.state(),
                            status.progressPercent(),
                            "",
                            status.failureReason(),
                            "",
                            task.rejectedDownloads()));
                    continue;
                }
                Download download;
                try {
                    download = copyToStore(job, round, task, provider);
                } catch (ProviderThrottledException e) {
                    if (e.retryAfterSeconds() == 0) {
                        throw e;
                    }
                    tasks.add(task);
                    pollAfter = Math.max(pollAfter, e.retryAfterSeconds());
                    continue;
                }
                edits.add(r -> r.withDetail(history.downloaded(r, task.providerJobId(), download.attempt())));
                if (download.attempt().outcome() == DownloadAttempt.Outcome.STORED) {
                    tasks.add(new ProviderTask(
                            task.variation(),
                            task.seed(),
                            task.providerJobId(),
                            ProviderJob.State.COMPLETED,
                            100,
                            download.key(),
                            "",
                            download.attempt().sha256(),
                            task.rejectedDownloads()));
                    continue;
                }
                int rejected = task.rejectedDownloads() + 1;
                if (rejected >= MAX_DOWNLOADS) {
                    tasks.add(new ProviderTask(
                            task.variation(),
                            task.seed(),
                            task.providerJobId(),
                            ProviderJob.State.FAILED,
                            100,
                            "",
                            job.provider() + " finished render " + task.providerJobId() + " but " + rejected
                                    + " downloads of it were not a usable MP4 (last: "
                                    + download.attempt().reason()
                                    + "); it is paid for: recover it from the provider by that job id",
                            "",
                            rejected));
                    continue;
                }
                tasks.add(new ProviderTask(
                        task.variation(),
                        task.seed(),
                        task.providerJobId(),
                        ProviderJob.State.COMPLETED,
                        100,
                        "",
                        "",
                        "",
                        rejected));
                pollAfter = Math.max(pollAfter, 1 << rejected);
            }
        } finally {
            record(job, edits);
        }
        boolean allDone = tasks.stream().allMatch(t -> !t.clipKey().isEmpty() || t.state() == ProviderJob.State.FAILED);
        if (allDone && tasks.stream().allMatch(t -> t.state() == ProviderJob.State.FAILED)) {
            throw new ProviderFailedException("the provider could not render attempt " + round.attempt() + ": "
                    + String.join(
                            "; ",
                            tasks.stream()
                                    .map(ProviderTask::failureReason)
                                    .distinct()
                                    .toList()));
        }
        if (!allDone && !round.deadline().isEmpty() && clock.instant().isAfter(Instant.parse(round.deadline()))) {
            throw new RenderTimedOutException(
                    "the provider did not finish attempt " + round.attempt() + " by " + round.deadline());
        }
        int progress = (int) Math.round(tasks.stream()
                .mapToInt(t -> t.clipKey().isEmpty() ? t.progressPercent() : 100)
                .average()
                .orElse(0));
        return new RenderRound(
                round.attempt(),
                round.mode(),
                round.prompt(),
                round.instruction(),
                tasks,
                allDone ? RenderRound.Status.COMPLETED : RenderRound.Status.RUNNING,
                progress,
                pollAfter,
                round.deadline(),
                round.spentUsd(),
                round.clipSeconds(),
                round.webhookTimeoutSeconds());
    }

    /** Writes what this lap saw, even when a later clip's call failed, so no download goes unrecorded. */
    private void record(JobTicket job, List<UnaryOperator<JobRecord>> edits) {
        if (edits.isEmpty()) {
            return;
        }
        jobs.update(job.jobId(), r -> {
            JobRecord edited = r;
            for (UnaryOperator<JobRecord> edit : edits) {
                edited = edit.apply(edited);
            }
            return edited;
        });
    }

    /** Downloads the finished clip, checks and checksums it, and stores it under its final key in one put. */
    private Download copyToStore(JobTicket job, RenderRound round, ProviderTask task, VideoProvider provider) {
        String key = StorageKeys.clip(job.tenant(), job.jobId(), round.attempt(), task.variation());
        return ScratchClip.stage(workDir, "download-", "could not stage the provider's clip", local -> {
            String at = clock.instant().toString();
            try {
                provider.download(task.providerJobId(), local);
            } catch (CorruptDownloadException e) {
                return Download.rejected(new DownloadAttempt(
                        at,
                        DownloadAttempt.Outcome.REJECTED,
                        Files.size(local),
                        Files.size(local) == 0 ? "" : Sha256.hexOfFile(local),
                        e.getMessage()));
            }
            long bytes = Files.size(local);
            String sha256 = Sha256.hexOfFile(local);
            String problem = problem(Mp4Structure.inspect(local), round.clipSeconds());
            if (!problem.isEmpty()) {
                return Download.rejected(
                        new DownloadAttempt(at, DownloadAttempt.Outcome.REJECTED, bytes, sha256, problem));
            }
            clips.putFile(key, local, "video/mp4");
            return new Download(key, new DownloadAttempt(at, DownloadAttempt.Outcome.STORED, bytes, sha256, ""));
        });
    }

    /**
     * Why the file cannot be the clip, or empty. A length within half to twice the request (plus a second) is
     * plausible: providers round to the durations they offer (Ray2 renders 5 or 9 s).
     */
    static String problem(Mp4Structure.Inspection inspection, double requestedSeconds) {
        if (inspection instanceof Mp4Structure.Corrupt corrupt) {
            return corrupt.reason();
        }
        double seconds = ((Mp4Structure.Playable) inspection).durationSeconds();
        if (requestedSeconds > 0
                && seconds > 0
                && (seconds < requestedSeconds / 2 || seconds > requestedSeconds * 2 + 1)) {
            return String.format(
                    Locale.ROOT, "the MP4 lasts %.1f s where %.1f s were asked for", seconds, requestedSeconds);
        }
        return "";
    }

    private record Download(String key, DownloadAttempt attempt) {
        static Download rejected(DownloadAttempt attempt) {
            return new Download("", attempt);
        }
    }
}
