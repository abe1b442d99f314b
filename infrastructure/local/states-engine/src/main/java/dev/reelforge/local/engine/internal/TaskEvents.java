package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The history events of one Task attempt, named and shaped the way AWS records them for the kind of resource: a bare
 * Lambda function ARN (the legacy form) gives {@code LambdaFunctionScheduled/Started/Succeeded/Failed/TimedOut};
 * everything else gives {@code TaskScheduled/Started/Succeeded/Failed/TimedOut}, plus {@code TaskSubmitted}: before
 * the success of a {@code .sync} integration, and for {@code .waitForTaskToken} once the resource has been called and
 * the Task starts waiting for its token.
 */
sealed interface TaskEvents {

    static TaskEvents of(String resource, String defaultRegion) {
        String[] parts = resource.split(":", -1);
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")) {
            return new LambdaFunction(resource);
        }
        return new Service(ResourceInfo.of(resource, defaultRegion), resource.contains(".sync"));
    }

    void scheduled(HistoryRecorder history, Trace trace, JsonNode parameters, Duration timeout, Duration heartbeat);

    /** A callback Task called its resource and now waits for its token; {@code result} is what the call returned. */
    default void submitted(HistoryRecorder history, Trace trace, JsonNode result) {}

    void started(HistoryRecorder history, Trace trace);

    void succeeded(HistoryRecorder history, Trace trace, JsonNode result);

    void failed(HistoryRecorder history, Trace trace, String error, String cause);

    void timedOut(HistoryRecorder history, Trace trace, String error, String cause);

    private static ObjectNode errorDetails(ObjectNode details, String error, String cause) {
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    private static ObjectNode withData(ObjectNode details, String field, JsonNode value) {
        details.put(field, Json.write(value));
        details.putObject(field + "Details").put("truncated", false);
        return details;
    }

    /** A bare function ARN: AWS reports the function ARN as the resource and the payload as the input. */
    record LambdaFunction(String arn) implements TaskEvents {
        @Override
        public void scheduled(
                HistoryRecorder history, Trace trace, JsonNode parameters, Duration timeout, Duration heartbeat) {
            ObjectNode details = withData(Json.object().put("resource", arn), "input", parameters);
            if (timeout != null) {
                details.put("timeoutInSeconds", timeout.toSeconds());
            }
            history.record(trace, "LambdaFunctionScheduled", details);
        }

        @Override
        public void started(HistoryRecorder history, Trace trace) {
            history.record(trace, "LambdaFunctionStarted", null);
        }

        @Override
        public void succeeded(HistoryRecorder history, Trace trace, JsonNode result) {
            history.record(trace, "LambdaFunctionSucceeded", withData(Json.object(), "output", result));
        }

        @Override
        public void failed(HistoryRecorder history, Trace trace, String error, String cause) {
            history.record(trace, "LambdaFunctionFailed", errorDetails(Json.object(), error, cause));
        }

        @Override
        public void timedOut(HistoryRecorder history, Trace trace, String error, String cause) {
            history.record(trace, "LambdaFunctionTimedOut", errorDetails(Json.object(), error, cause));
        }
    }

    /** A service integration, activity or other resource, reported as resourceType/resource. */
    record Service(ResourceInfo info, boolean sync) implements TaskEvents {
        @Override
        public void scheduled(
                HistoryRecorder history, Trace trace, JsonNode parameters, Duration timeout, Duration heartbeat) {
            ObjectNode details = resource().put("region", info.region()).put("parameters", Json.write(parameters));
            if (timeout != null) {
                details.put("timeoutInSeconds", timeout.toSeconds());
            }
            if (heartbeat != null) {
                details.put("heartbeatInSeconds", heartbeat.toSeconds());
            }
            history.record(trace, "TaskScheduled", details);
        }

        @Override
        public void started(HistoryRecorder history, Trace trace) {
            history.record(trace, "TaskStarted", resource());
        }

        @Override
        public void submitted(HistoryRecorder history, Trace trace, JsonNode result) {
            history.record(trace, "TaskSubmitted", withData(resource(), "output", result));
        }

        /** A .sync handler returns only the final result, so TaskSubmitted carries it too (as LocalStack's mocks do). */
        @Override
        public void succeeded(HistoryRecorder history, Trace trace, JsonNode result) {
            if (sync) {
                history.record(trace, "TaskSubmitted", withData(resource(), "output", result));
            }
            history.record(trace, "TaskSucceeded", withData(resource(), "output", result));
        }

        @Override
        public void failed(HistoryRecorder history, Trace trace, String error, String cause) {
            history.record(trace, "TaskFailed", errorDetails(resource(), error, cause));
        }

        @Override
        public void timedOut(HistoryRecorder history, Trace trace, String error, String cause) {
            history.record(trace, "TaskTimedOut", errorDetails(resource(), error, cause));
        }

        private ObjectNode resource() {
            return Json.object().put("resourceType", info.resourceType()).put("resource", info.resource());
        }
    }
}
