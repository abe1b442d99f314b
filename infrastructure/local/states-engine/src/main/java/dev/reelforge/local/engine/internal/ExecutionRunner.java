package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.ExecutionResult.Status;
import java.time.Instant;

/** Runs one execution from ExecutionStarted to its terminal event and builds the result. */
public final class ExecutionRunner {
    private final Settings settings;
    private final StateGraph graph;
    private final String stateMachineArn;
    private final String executionName;

    public ExecutionRunner(Settings settings, StateGraph graph, String stateMachineArn, String executionName) {
        this.settings = settings;
        this.graph = graph;
        this.stateMachineArn = stateMachineArn;
        this.executionName = executionName;
    }

    public ExecutionResult run(JsonNode rawInput) {
        JsonNode input = rawInput == null ? Json.object() : rawInput;
        Arn arn = Arn.ofStateMachine(stateMachineArn);
        String executionArn = arn.executionArn(executionName);
        Instant start = settings.clock().now();
        HistoryRecorder history = new HistoryRecorder(settings.clock(), settings.listener(), settings.history());
        Trace trace = Trace.root();
        ObjectNode started = null;
        if (history.keeps()) {
            started = Json.object();
            started.put("input", Json.writeRecent(input));
            started.putObject("inputDetails").put("truncated", false);
            started.put("roleArn", arn.roleArn());
        }
        history.record(trace, "ExecutionStarted", started);

        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("Name", executionName);
        execution.put("RoleArn", arn.roleArn());
        execution.put("StartTime", start.toString());
        execution.put("RedriveCount", 0);
        context.putObject("StateMachine").put("Id", stateMachineArn).put("Name", arn.name());
        Instant deadline = graph.timeoutSeconds() == null ? null : start.plusSeconds(graph.timeoutSeconds());
        ExecutionScope scope = new ExecutionScope(settings, history, executionArn, arn.region(), context, deadline);

        Status status;
        JsonNode output = null;
        String error = null;
        String cause = null;
        try {
            ExecutionScope.checked(input, "execution input");
            output = new GraphRunner(scope).run(graph, input, Variables.root(), trace);
            ObjectNode details = null;
            if (history.keeps()) {
                details = Json.object().put("output", Json.writeRecent(output));
                details.putObject("outputDetails").put("truncated", false);
            }
            history.record(trace, "ExecutionSucceeded", details);
            status = Status.SUCCEEDED;
        } catch (StatesError e) {
            status = Status.FAILED;
            error = e.error();
            cause = e.cause();
            history.record(trace, "ExecutionFailed", errorDetails(error, cause));
        } catch (ExecutionStop | Trace.Cancelled e) {
            boolean timedOut = e instanceof ExecutionStop stop && stop.status() == Status.TIMED_OUT;
            status = timedOut ? Status.TIMED_OUT : Status.ABORTED;
            if (timedOut) {
                error = StatesError.TIMEOUT;
                cause = e.getMessage();
                history.record(trace, "ExecutionTimedOut", errorDetails(error, cause));
            } else {
                history.record(trace, "ExecutionAborted", null);
            }
        }
        return new ExecutionResult(
                executionArn,
                status,
                status == Status.SUCCEEDED ? nonNull(output) : null,
                error,
                cause,
                history.events(),
                start,
                settings.clock().now());
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    static ObjectNode errorDetails(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }
}
