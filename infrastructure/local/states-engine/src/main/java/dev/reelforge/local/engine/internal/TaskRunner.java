package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Task attempt: data flow, its history events ({@link TaskEvents}) and the call into the TaskHandler.
 *
 * <p>Timeouts: when the task has TimeoutSeconds (or the execution has a deadline) the handler
 * runs on the engine pool and is awaited for that long in <em>real</em> time, then interrupted.
 * Independently, if the engine clock advanced past the limit while the handler ran (a handler
 * advancing a VirtualClock simulates a slow task), the attempt also times out. Without any limit
 * the handler runs on the calling thread.
 */
final class TaskRunner {
    private final ExecutionScope scope;

    TaskRunner(ExecutionScope scope) {
        this.scope = scope;
    }

    JsonNode run(State.Task task, JsonNode raw, PathScope context, int retryCount, Trace trace) {
        CallbackTask callback = task.waitsForToken()
                ? scope.settings.tokens().issue(scope.settings.random(), scope.settings.clock())
                : null;
        PathScope taskScope = callback == null ? context : context.withContext(withToken(context, callback.token));
        try {
            JsonNode effective = Io.input(task.io(), raw, taskScope);
            JsonNode parameters = Io.arguments(task.io(), raw, effective, taskScope);
            Duration timeout = seconds(task.timeout(), raw, effective, taskScope);
            Duration heartbeat = seconds(task.heartbeat(), raw, effective, taskScope);
            TaskEvents events = TaskEvents.of(task.resource(), scope.region);

            events.scheduled(scope.history, trace, parameters, timeout, heartbeat);
            events.started(scope.history, trace);
            Instant started = scope.now();
            TaskContext taskContext = new TaskContext(
                    scope.executionArn, task.name(), retryCount, timeout, callback == null ? null : callback.token);
            JsonNode result = invoke(task, parameters, taskContext, timeout, events, trace);
            if (callback != null) {
                events.submitted(scope.history, trace, result);
                result = new CallbackWait(scope, events, trace).await(callback, started, timeout, heartbeat);
            }
            events.succeeded(scope.history, trace, result);
            return Io.output(task.io(), raw, effective, result, taskScope);
        } finally {
            if (callback != null) {
                callback.close();
            }
        }
    }

    /** The context object with {@code Task.Token}, as AWS adds it to a callback Task's {@code $$}. */
    private static JsonNode withToken(PathScope context, String token) {
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                ((com.fasterxml.jackson.databind.node.ObjectNode) context.context()).deepCopy();
        copy.putObject("Task").put("Token", token);
        return copy;
    }

    private JsonNode invoke(
            State.Task task,
            JsonNode parameters,
            TaskContext taskContext,
            Duration timeout,
            TaskEvents events,
            Trace trace) {
        Duration remaining = scope.remaining();
        Duration limit = min(timeout, remaining);
        Instant started = scope.now();
        JsonNode result;
        try {
            if (limit == null) {
                result = scope.settings.tasks().invoke(task.resource(), parameters, taskContext);
            } else {
                result = awaitOnPool(task, parameters, taskContext, limit);
            }
        } catch (TaskFailedException e) {
            throw failed(events, trace, e.error(), e.cause());
        } catch (TimeoutException e) {
            result = null;
        } catch (ExecutionStop e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(events, trace, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
        Duration elapsed = Duration.between(started, scope.now());
        boolean overTime = limit != null && (result == null || elapsed.compareTo(limit) > 0);
        if (overTime) {
            if (timeout == null || (remaining != null && remaining.compareTo(timeout) < 0)) {
                throw scope.timedOut();
            }
            events.timedOut(
                    scope.history,
                    trace,
                    StatesError.TIMEOUT,
                    "Task did not complete within " + timeout.toSeconds() + " seconds");
            throw new StatesError(StatesError.TIMEOUT, "Task timed out after " + timeout.toSeconds() + " seconds");
        }
        JsonNode output = result == null ? NullNode.getInstance() : result;
        try {
            return ExecutionScope.checked(output, "task result");
        } catch (StatesError e) {
            throw failed(events, trace, e.error(), e.cause());
        }
    }

    private JsonNode awaitOnPool(State.Task task, JsonNode parameters, TaskContext context, Duration limit)
            throws TaskFailedException, TimeoutException {
        Future<JsonNode> future =
                scope.settings.pool().submit(() -> scope.settings.tasks().invoke(task.resource(), parameters, context));
        try {
            JsonNode value = future.get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
            return value == null ? NullNode.getInstance() : value;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ExecutionScope.aborted();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TaskFailedException failed) {
                throw failed;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Duration seconds(NumberField field, JsonNode raw, JsonNode effective, PathScope context) {
        return field == null ? null : Duration.ofSeconds(field.whole(effective, raw, context, 1));
    }

    private StatesError failed(TaskEvents events, Trace trace, String error, String cause) {
        events.failed(scope.history, trace, error, cause);
        return new StatesError(error, cause);
    }

    private static Duration min(Duration a, Duration b) {
        if (a == null) {
            return b == null ? null : (b.isNegative() ? Duration.ZERO : b);
        }
        return b == null || a.compareTo(b) <= 0 ? a : (b.isNegative() ? Duration.ZERO : b);
    }
}
