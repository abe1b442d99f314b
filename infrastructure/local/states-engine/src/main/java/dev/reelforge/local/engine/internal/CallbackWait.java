package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The waiting half of a {@code .waitForTaskToken} attempt: turns how the token's wait ended into the Task's result,
 * its TaskSucceeded/TaskFailed/TaskTimedOut event, or the execution's own stop. TimeoutSeconds counts from TaskStarted
 * (the resource call included); HeartbeatSeconds from TaskStarted or the last SendTaskHeartbeat.
 */
final class CallbackWait {
    private final ExecutionScope scope;
    private final TaskEvents events;
    private final Trace trace;

    CallbackWait(ExecutionScope scope, TaskEvents events, Trace trace) {
        this.scope = scope;
        this.events = events;
        this.trace = trace;
    }

    JsonNode await(CallbackTask callback, Instant started, Duration timeout, Duration heartbeat) {
        Duration remaining = scope.remaining();
        Instant deadline = remaining == null ? null : scope.now().plus(remaining);
        CallbackTask.Outcome outcome;
        try {
            outcome = callback.await(
                    timeout == null ? null : started.plus(timeout), heartbeat, deadline, trace::cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExecutionScope.aborted();
        }
        if (outcome instanceof CallbackTask.Succeeded succeeded) {
            JsonNode output = succeeded.output() == null ? NullNode.getInstance() : succeeded.output();
            try {
                return ExecutionScope.checked(output, "task result");
            } catch (StatesError e) {
                throw failed(e.error(), e.cause());
            }
        }
        if (outcome instanceof CallbackTask.Failed failure) {
            throw failed(failure.error() == null ? "" : failure.error(), failure.cause());
        }
        if (outcome instanceof CallbackTask.TimedOut timedOut) {
            String error = timedOut.heartbeat() ? StatesError.HEARTBEAT_TIMEOUT : StatesError.TIMEOUT;
            String cause = timedOut.heartbeat()
                    ? "No heartbeat within " + heartbeat.toSeconds() + " seconds"
                    : "Task did not complete within " + timeout.toSeconds() + " seconds";
            events.timedOut(scope.history, trace, error, cause);
            throw new StatesError(error, cause);
        }
        if (outcome instanceof CallbackTask.DeadlineReached) {
            throw scope.timedOut();
        }
        throw new Trace.Cancelled();
    }

    private StatesError failed(String error, String cause) {
        events.failed(scope.history, trace, error, cause);
        return new StatesError(error, cause);
    }
}
