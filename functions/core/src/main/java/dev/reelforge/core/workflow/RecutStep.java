package dev.reelforge.core.workflow;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditSource;
import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipRecutter;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.review.RoundMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The {@code Recut} state: makes an edit's re-cut from the original job's accepted clip, which it only reads (its
 * checksum is checked first), and stores it as the new job's first original, so ReviewScore reviews it like any
 * render. It costs nothing at the provider. Re-running it writes the same key again.
 */
public final class RecutStep {
    private final ClipStore clips;
    private final JobStore jobs;
    private final ClipRecutter recutter;
    private final Path workDir;
    private final Clock clock;

    public RecutStep(ClipStore clips, JobStore jobs, ClipRecutter recutter, Path workDir, Clock clock) {
        this.clips = clips;
        this.jobs = jobs;
        this.recutter = recutter;
        this.workDir = workDir;
        this.clock = clock;
    }

    public RenderRound run(RenderRequest request, JobTicket job, EditPlan edit) {
        if (edit.kind() != EditPlan.Kind.RECUT) {
            throw new IllegalArgumentException(
                    "Recut runs only for a re-cut edit, not " + edit.kind().wireName());
        }
        Path dir = workDir.resolve("recut").resolve(StorageKeys.safe(job.jobId()));
        Path source = dir.resolve("source.mp4");
        Path target = dir.resolve("recut.mp4");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        clips.download(edit.sourceClipKey(), source);
        String sourceSha = sha256(source);
        if (!edit.sourceSha256().isEmpty() && !edit.sourceSha256().equals(sourceSha)) {
            throw new MediaProcessingException("the original clip " + edit.sourceClipKey()
                    + " no longer matches the checksum on job " + edit.of() + "'s record; not re-cutting it");
        }
        recutter.recut(
                source, new RecutPlan(edit.segments()), request.settings().fps(), target);
        String key = StorageKeys.clip(job.tenant(), job.jobId(), 1, 0);
        clips.putFile(key, target, "video/mp4");
        String sha = sha256(target);
        String madeBy = EditSource.RECUT_PREFIX + job.jobId();
        jobs.update(job.jobId(), r -> {
            JobRecord updated = r.withStatus(JobStatus.RENDERING, "", clock.instant());
            return updated.withDetail(updated.detail()
                    .withAttempt(AttemptDetail.submitted(1, RoundMode.RECUT, edit.description(), List.of(madeBy), 0)));
        });
        return new RenderRound(
                1,
                RoundMode.RECUT,
                request.prompt(),
                edit.description(),
                List.of(new RenderRound.ProviderTask(0, 0, madeBy, ProviderJob.State.COMPLETED, 100, key, "", sha)),
                RenderRound.Status.COMPLETED,
                100,
                1,
                "",
                0,
                edit.outputSeconds());
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.copy(in, OutputStream.nullOutputStream()).hex();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
