package dev.reelforge.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.engine.TaskHandler;
import dev.reelforge.local.stack.LocalAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Serves the Task states of the deployed ASL in-process: a Lambda function ARN (bare, or through
 * {@code arn:aws:states:::lambda:invoke}) calls that function's handler class with the same JSON bytes and the
 * same error shape Lambda produces ({@code errorType} = exception class name); {@code ecs:runTask.sync} runs the
 * media task and answers with a DescribeTasks-shaped task; {@code states:startExecution.sync(:2)} runs the child
 * execution to its end ({@link NestedExecutions}) and answers like DescribeExecution, failing with
 * {@code States.TaskFailed} when the child does not succeed; {@code events:putEvents} records the entries on a
 * {@link LocalEventBus}. Anything else fails as an unsupported resource.
 */
public final class LocalTaskResolver implements TaskHandler {
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final String ECS_RUN_TASK_SYNC = "arn:aws:states:::ecs:runTask.sync";
    private static final String START_EXECUTION_SYNC = "arn:aws:states:::states:startExecution.sync";
    private static final String EVENTS_PUT_EVENTS = "arn:aws:states:::events:putEvents";

    private final Map<String, RequestStreamHandler> functions;
    private final MediaTaskRunner media;
    private final ObjectMapper json;
    private final NestedExecutions nested;
    private final LocalEventBus events;

    public LocalTaskResolver(Map<String, RequestStreamHandler> functions, MediaTaskRunner media, ObjectMapper json) {
        this(functions, media, json, NestedExecutions.unsupported(), new LocalEventBus());
    }

    public LocalTaskResolver(
            Map<String, RequestStreamHandler> functions,
            MediaTaskRunner media,
            ObjectMapper json,
            NestedExecutions nested,
            LocalEventBus events) {
        this.functions = Map.copyOf(functions);
        this.media = media;
        this.json = json;
        this.nested = nested;
        this.events = events;
    }

    /** The same functions and media task, with {@code states:startExecution.sync} served by {@code nested}. */
    public LocalTaskResolver withNested(NestedExecutions nested) {
        return new LocalTaskResolver(functions, media, json, nested, events);
    }

    /** The events {@code events:putEvents} states published. */
    public LocalEventBus events() {
        return events;
    }

    public static String functionArn(String functionName) {
        return LocalAccount.arn("lambda", "function:" + functionName);
    }

    @Override
    public JsonNode invoke(String resource, JsonNode input, TaskContext context) throws TaskFailedException {
        if (resource.startsWith("arn:aws:lambda:")) {
            return invokeFunction(functionName(resource), input);
        }
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + ".waitForTaskToken")) {
            JsonNode payload =
                    invokeFunction(functionName(input.path("FunctionName").asText()), input.path("Payload"));
            ObjectNode wrapped = json.createObjectNode();
            wrapped.put("ExecutedVersion", "$LATEST");
            wrapped.set("Payload", payload);
            wrapped.put("StatusCode", 200);
            return wrapped;
        }
        if (resource.equals(ECS_RUN_TASK_SYNC)) {
            return runMediaTask(input);
        }
        if (resource.equals(START_EXECUTION_SYNC) || resource.equals(START_EXECUTION_SYNC + ":2")) {
            return NestedExecutionResult.of(
                    nested.runToEnd(
                            input.path("StateMachineArn").asText(),
                            input.path("Name").asText(null),
                            input.path("Input")),
                    input.path("StateMachineArn").asText(),
                    resource.endsWith(":2"),
                    json);
        }
        if (resource.equals(EVENTS_PUT_EVENTS) || resource.equals(EVENTS_PUT_EVENTS + ".waitForTaskToken")) {
            return putEvents(input);
        }
        throw new TaskFailedException("States.TaskFailed", "the local engine cannot serve the resource " + resource);
    }

    private static String functionName(String arnOrName) {
        if (!arnOrName.startsWith("arn:")) {
            return arnOrName;
        }
        String[] parts = arnOrName.split(":");
        return parts.length > 6 ? parts[6] : arnOrName;
    }

    private JsonNode invokeFunction(String name, JsonNode payload) throws TaskFailedException {
        RequestStreamHandler handler = functions.get(name);
        if (handler == null) {
            throw new TaskFailedException(
                    "Lambda.ResourceNotFoundException", "Function not found: " + functionArn(name));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(json.writeValueAsBytes(payload)), out, new LocalLambdaContext(name));
            return json.readTree(out.toByteArray());
        } catch (RuntimeException | IOException | Error e) {
            throw new TaskFailedException(e.getClass().getName(), lambdaCause(e));
        }
    }

    /** The Cause Step Functions records for a failed Java Lambda: errorMessage, errorType and the stack trace. */
    private String lambdaCause(Throwable e) {
        ObjectNode cause = json.createObjectNode();
        cause.put("errorMessage", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        cause.put("errorType", e.getClass().getName());
        ArrayNode trace = cause.putArray("stackTrace");
        for (StackTraceElement frame : e.getStackTrace()) {
            trace.add(frame.toString());
        }
        return cause.toString();
    }

    private JsonNode putEvents(JsonNode input) {
        ObjectNode result = json.createObjectNode();
        result.put("FailedEntryCount", 0);
        ArrayNode ids = result.putArray("Entries");
        for (JsonNode entry : input.path("Entries")) {
            events.publish(entry);
            ids.addObject().put("EventId", UUID.randomUUID().toString());
        }
        return result;
    }

    private JsonNode runMediaTask(JsonNode input) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode override : input.path("Overrides").path("ContainerOverrides")) {
            for (JsonNode variable : override.path("Environment")) {
                environment.put(
                        variable.path("Name").asText(), variable.path("Value").asText());
            }
        }
        int exitCode = media.run(environment);
        String cluster = input.path("Cluster").asText("reelforge-media");
        ObjectNode task = json.createObjectNode();
        task.put(
                "TaskArn",
                LocalAccount.arn("ecs", "task/") + cluster.substring(cluster.lastIndexOf('/') + 1) + "/"
                        + UUID.randomUUID().toString().replace("-", ""));
        task.put("ClusterArn", cluster);
        task.put("TaskDefinitionArn", input.path("TaskDefinition").asText());
        task.put("LastStatus", "STOPPED");
        task.put("DesiredStatus", "STOPPED");
        task.put("StopCode", "EssentialContainerExited");
        task.put("StoppedReason", "Essential container in task exited");
        ObjectNode container = task.putArray("Containers").addObject();
        container.put("Name", "media");
        container.put("LastStatus", "STOPPED");
        container.put("ExitCode", exitCode);
        return task;
    }
}
