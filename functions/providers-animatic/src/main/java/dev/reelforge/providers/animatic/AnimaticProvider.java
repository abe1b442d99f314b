package dev.reelforge.providers.animatic;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import dev.reelforge.media.animatic.DefectSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The offline {@link VideoProvider} ({@code animatic}): renders storyboards locally with {@link AnimaticRenderer}
 * on a small bounded pool of daemon threads, behind the same submit/poll/download protocol as a paid API, so the
 * workflow runs end to end without one. Job ids are derived from the idempotency key, and finished clips live in
 * the work directory as {@code <jobId>.mp4} (written under a temporary name, then moved atomically), so a
 * resubmission after a restart finds the finished clip instead of rendering again. Thread-safe.
 *
 * <pre>{@code
 * try (AnimaticProvider animatic = new AnimaticProvider(Path.of("work/animatic"))) {
 *     ProviderJob job = animatic.submit(spec, "tenant/request-42/attempt-1");
 * }
 * }</pre>
 */
public final class AnimaticProvider implements VideoProvider, AutoCloseable {
    public static final String NAME = "animatic";
    private static final Pattern JOB_ID = Pattern.compile("anim-[0-9a-f]{16}");

    private final Path workDir;
    private final ClipRendering renderer;
    private final ThreadPoolExecutor executor;
    private final Map<String, RenderJob> jobs = new ConcurrentHashMap<>();

    /** One render at a time, up to 8 waiting, with the bundled FFmpeg. */
    public AnimaticProvider(Path workDir) {
        this(workDir, new AnimaticRenderer(Ffmpeg.bundled()), 1, 8);
    }

    public AnimaticProvider(Path workDir, AnimaticRenderer renderer, int workers, int queueCapacity) {
        this(workDir, renderer::render, workers, queueCapacity);
    }

    AnimaticProvider(Path workDir, ClipRendering renderer, int workers, int queueCapacity) {
        this.workDir = workDir;
        this.renderer = renderer;
        this.executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemonThreads());
        this.executor.allowCoreThreadTimeOut(true);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the animatic work directory " + workDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code anim-} and the first 16 hex digits of the key's SHA-256: the same key always names the same job. */
    public static String jobId(String idempotencyKey) {
        return "anim-" + Sha256.hex(idempotencyKey).substring(0, 16);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequestException.of("idempotencyKey", "a submit needs an idempotency key so retries do not render twice");
        }
        try {
            DefectSet.parse(spec.defects());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("defects", e.getMessage());
        }
        String id = jobId(idempotencyKey);
        return jobs.computeIfAbsent(id, key -> Files.exists(finished(key)) ? RenderJob.alreadyFinished(key) : schedule(key, spec))
                .snapshot();
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        RenderJob job = jobs.get(providerJobId);
        if (job != null) {
            return job.snapshot();
        }
        if (isJobId(providerJobId) && Files.exists(finished(providerJobId))) {
            return jobs.computeIfAbsent(providerJobId, RenderJob::alreadyFinished).snapshot();
        }
        return new ProviderJob(providerJobId, ProviderJob.State.FAILED, 0, 1,
                "the animatic has no job " + providerJobId + " (never submitted here, or the renderer restarted mid-render); submit again");
    }

    @Override
    public void download(String providerJobId, Path target) {
        if (!isJobId(providerJobId) || !Files.exists(finished(providerJobId))) {
            throw new ProviderFailedException("animatic job " + providerJobId + " has no finished clip; poll until it is COMPLETED");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(finished(providerJobId), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ProviderFailedException("could not copy animatic clip " + providerJobId + ": " + e.getMessage(), e);
        }
    }

    /** Stops accepting work and interrupts running renders. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Test seam: waits until every job submitted so far has finished, successfully or not. */
    void awaitIdle() {
        for (RenderJob job : List.copyOf(jobs.values())) {
            job.done.join();
        }
    }

    private RenderJob schedule(String id, GenerationSpec spec) {
        RenderJob job = RenderJob.queued(id);
        try {
            executor.execute(() -> run(job, spec));
        } catch (RejectedExecutionException e) {
            throw new ProviderThrottledException("the animatic renderer is busy (" + executor.getQueue().size()
                    + " renders waiting); retry in a few seconds");
        }
        return job;
    }

    private void run(RenderJob job, GenerationSpec spec) {
        Path partial = workDir.resolve(job.id + ".partial.mp4");
        job.started();
        try {
            renderer.render(spec, partial, job::progressed);
            Files.move(partial, finished(job.id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            job.completed();
        } catch (ReelforgeException | IllegalArgumentException e) {
            job.failed("the animatic render failed: " + e.getMessage());
        } catch (IOException e) {
            job.failed("the animatic could not store its clip: " + e.getMessage());
        } catch (RuntimeException e) {
            job.failed("the animatic render failed unexpectedly (" + e.getClass().getSimpleName() + ")");
            throw e;
        } finally {
            deleteQuietly(partial);
        }
    }

    private static boolean isJobId(String id) {
        return JOB_ID.matcher(id).matches();
    }

    private Path finished(String id) {
        return workDir.resolve(id + ".mp4");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial file is overwritten by the next render of the same job
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "animatic-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
