package dev.reelforge.providers.animatic;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import dev.reelforge.media.animatic.DefectSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The offline {@link VideoProvider} ({@code animatic}): renders storyboards with {@link AnimaticRenderer} behind the
 * same submit/poll/download protocol as a paid API, so the workflow runs end to end without one. Job ids are
 * derived from the idempotency key, and finished clips are kept by job id (written under a temporary name, then
 * stored whole), so a resubmission after a restart finds the finished clip instead of rendering again.
 *
 * <p>Two ways to run. In one process ({@link #AnimaticProvider(Path)}: the CLI, the local stack), renders run on a
 * small bounded pool of daemon threads and report progress, and finished clips live in the work directory. In
 * Lambda ({@link #inline}), a container is frozen as soon as its invocation returns and Poll runs in another
 * container, so a background render would stall and its clip would be out of Poll's reach: Submit renders before
 * it returns (the job is COMPLETED or FAILED at once) and the clip goes to the clip store, where any container's
 * Poll finds it. Thread-safe.
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

    /** Where {@link #inline} keeps finished clips in the clip store (beside Bedrock's {@code provider-output/bedrock}). */
    public static final String STORE_PREFIX = "provider-output/animatic/";

    private final Path workDir;
    private final ClipRendering renderer;
    private final FinishedClips finished;
    private final Executor executor;
    private final ThreadPoolExecutor pool;
    private final Map<String, RenderJob> jobs = new ConcurrentHashMap<>();

    /** One render at a time, up to 8 waiting, with the bundled FFmpeg. */
    public AnimaticProvider(Path workDir) {
        this(workDir, new AnimaticRenderer(Ffmpeg.bundled()), 1, 8);
    }

    public AnimaticProvider(Path workDir, AnimaticRenderer renderer, int workers, int queueCapacity) {
        this(workDir, renderer::render, workers, queueCapacity);
    }

    AnimaticProvider(Path workDir, ClipRendering renderer, int workers, int queueCapacity) {
        this(
                workDir,
                renderer,
                FinishedClips.inDirectory(workDir),
                new ThreadPoolExecutor(
                        workers,
                        workers,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(queueCapacity),
                        daemonThreads()));
    }

    private AnimaticProvider(Path workDir, ClipRendering renderer, FinishedClips finished, Executor executor) {
        this.workDir = workDir;
        this.renderer = renderer;
        this.finished = finished;
        this.executor = executor;
        this.pool = executor instanceof ThreadPoolExecutor threads ? threads : null;
        if (pool != null) {
            pool.allowCoreThreadTimeOut(true);
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the animatic work directory " + workDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * For Lambda: each submit renders before it returns, in {@code scratch}, and stores the clip under
     * {@link #STORE_PREFIX} in {@code store}, where a Poll in any container finds it.
     */
    public static AnimaticProvider inline(ClipStore store, Path scratch) {
        return inline(store, scratch, new AnimaticRenderer(Ffmpeg.bundled())::render);
    }

    static AnimaticProvider inline(ClipStore store, Path scratch, ClipRendering renderer) {
        return new AnimaticProvider(scratch, renderer, FinishedClips.inStore(store, STORE_PREFIX), Runnable::run);
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
        spec.requireNoGuides(name());
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequestException.of(
                    "idempotencyKey", "a submit needs an idempotency key so retries do not render twice");
        }
        try {
            DefectSet.parse(spec.defects());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("defects", e.getMessage());
        }
        String id = jobId(idempotencyKey);
        return jobs.computeIfAbsent(
                        id, key -> finished.exists(key) ? RenderJob.alreadyFinished(key) : schedule(key, spec))
                .snapshot();
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        RenderJob job = jobs.get(providerJobId);
        if (job != null) {
            return job.snapshot();
        }
        if (isJobId(providerJobId) && finished.exists(providerJobId)) {
            return jobs.computeIfAbsent(providerJobId, RenderJob::alreadyFinished)
                    .snapshot();
        }
        return new ProviderJob(
                providerJobId,
                ProviderJob.State.FAILED,
                0,
                1,
                "the animatic has no job " + providerJobId
                        + " (never submitted here, or the renderer restarted mid-render); submit again");
    }

    @Override
    public void download(String providerJobId, Path target) {
        if (!isJobId(providerJobId) || !finished.exists(providerJobId)) {
            throw new ProviderFailedException(
                    "animatic job " + providerJobId + " has no finished clip; poll until it is COMPLETED");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            finished.copyTo(providerJobId, target);
        } catch (IOException e) {
            throw new ProviderFailedException(
                    "could not copy animatic clip " + providerJobId + ": " + e.getMessage(), e);
        }
    }

    /** Stops accepting work and interrupts running renders. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
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
            throw new ProviderThrottledException("the animatic renderer is busy ("
                    + pool.getQueue().size() + " renders waiting); retry in a few seconds");
        }
        return job;
    }

    private void run(RenderJob job, GenerationSpec spec) {
        Path partial = workDir.resolve(job.id + ".partial.mp4");
        job.started();
        try {
            renderer.render(spec, partial, job::progressed);
            finished.store(job.id, partial);
            job.completed();
        } catch (ReelforgeException | IllegalArgumentException e) {
            job.failed("the animatic render failed: " + e.getMessage());
        } catch (IOException e) {
            job.failed("the animatic could not store its clip: " + e.getMessage());
        } catch (RuntimeException e) {
            job.failed(
                    "the animatic render failed unexpectedly (" + e.getClass().getSimpleName() + ")");
            throw e;
        } finally {
            deleteQuietly(partial);
        }
    }

    private static boolean isJobId(String id) {
        return JOB_ID.matcher(id).matches();
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
