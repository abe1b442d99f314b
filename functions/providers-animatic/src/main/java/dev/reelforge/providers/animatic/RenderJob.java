package dev.reelforge.providers.animatic;

import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ProviderJob.State;
import java.util.concurrent.CompletableFuture;

/** Mutable progress of one render, written by its worker thread and read by polls. */
final class RenderJob {
    private static final int POLL_AFTER_SECONDS = 1;

    final String id;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile State state;
    private volatile int progress;
    private volatile String failureReason = "";

    private RenderJob(String id, State state) {
        this.id = id;
        this.state = state;
    }

    static RenderJob queued(String id) {
        return new RenderJob(id, State.QUEUED);
    }

    static RenderJob alreadyFinished(String id) {
        RenderJob job = new RenderJob(id, State.COMPLETED);
        job.progress = 100;
        job.done.complete(null);
        return job;
    }

    void started() {
        state = State.IN_PROGRESS;
    }

    void progressed(int percent) {
        progress = Math.max(progress, Math.min(99, percent));
    }

    void completed() {
        progress = 100;
        state = State.COMPLETED;
        done.complete(null);
    }

    void failed(String reason) {
        failureReason = reason;
        state = State.FAILED;
        done.complete(null);
    }

    ProviderJob snapshot() {
        State now = state;
        return new ProviderJob(
                id,
                now,
                now == State.QUEUED ? 0 : progress,
                POLL_AFTER_SECONDS,
                now == State.FAILED ? failureReason : "");
    }
}
