package dev.reelforge.local.runtime;

import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.port.TaskCallback;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The approval function's {@link TaskCallback} in a local run: the Step Functions endpoint starts after the handlers
 * are wired, so {@code reelforge serve} connects it once it listens. Until then (and in {@code reelforge run},
 * which has no endpoint) a decision is refused with a message saying so. Thread-safe.
 */
public final class RelayedTaskCallback implements TaskCallback {
    private final AtomicReference<TaskCallback> target = new AtomicReference<>();

    public void connect(TaskCallback callback) {
        target.set(callback);
    }

    @Override
    public void succeed(String token, String outputJson) {
        connected().succeed(token, outputJson);
    }

    @Override
    public void fail(String token, String error, String cause) {
        connected().fail(token, error, cause);
    }

    private TaskCallback connected() {
        TaskCallback callback = target.get();
        if (callback == null) {
            throw new ApprovalNotPendingException(
                    "no Step Functions endpoint can resume this render: approve through `reelforge serve`");
        }
        return callback;
    }
}
