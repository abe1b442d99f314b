package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionResult.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything shared by all threads of one execution: settings, history, the static part of the
 * context object, and the execution deadline that every sleep and transition respects.
 */
final class ExecutionScope {
    final Settings settings;
    final HistoryRecorder history;
    final String executionArn;
    final String region;
    private final ObjectNode baseContext;
    private final Instant deadline;

    ExecutionScope(
            Settings settings,
            HistoryRecorder history,
            String executionArn,
            String region,
            ObjectNode baseContext,
            Instant deadline) {
        this.settings = settings;
        this.history = history;
        this.executionArn = executionArn;
        this.region = region;
        this.baseContext = baseContext;
        this.deadline = deadline;
    }

    /** The context object as seen by a state: Execution and StateMachine plus State (Name and EnteredTime, as on AWS). */
    ObjectNode stateContext(String stateName, Instant enteredTime) {
        ObjectNode context = Json.object();
        context.set("Execution", baseContext.get("Execution"));
        context.set("StateMachine", baseContext.get("StateMachine"));
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", enteredTime.toString());
        return context;
    }

    /** The ARN of the state machine this execution runs. */
    String stateMachineArn() {
        return baseContext.path("StateMachine").path("Id").asText();
    }

    Instant now() {
        return settings.clock().now();
    }

    /** Time left before the execution times out, or {@code null} without TimeoutSeconds. */
    Duration remaining() {
        return deadline == null ? null : Duration.between(now(), deadline);
    }

    void checkDeadline(Trace trace) {
        if (deadline != null && !now().isBefore(deadline)) {
            throw timedOut();
        }
        if (trace.cancelled()) {
            throw new Trace.Cancelled();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw aborted();
        }
    }

    /** Sleeps on the engine clock, stopping at the execution deadline. */
    void sleep(Duration duration) {
        Duration remaining = remaining();
        try {
            if (remaining != null && duration.compareTo(remaining) >= 0) {
                settings.clock().sleep(remaining.isNegative() ? Duration.ZERO : remaining);
                throw timedOut();
            }
            settings.clock().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw aborted();
        }
    }

    ExecutionStop timedOut() {
        return new ExecutionStop(Status.TIMED_OUT, "The execution exceeded its TimeoutSeconds");
    }

    static ExecutionStop aborted() {
        return new ExecutionStop(Status.ABORTED, "The execution was interrupted");
    }

    /** Raises States.DataLimitExceeded for oversized payloads. */
    static JsonNode checked(JsonNode node, String what) {
        Json.checkSize(node, what);
        return node;
    }
}
