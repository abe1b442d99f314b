package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionResult.Status;
import dev.reelforge.local.engine.HistoryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Step Functions actions (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Action>}) over
 * {@link LocalExecutions}: request and response members named and typed as in the AWS API (timestamps as epoch
 * seconds). SendTask* answer the engine's {@code .waitForTaskToken} Tasks ({@link TaskCallbacks}).
 */
public final class StepFunctionsApi {
    private static final int DEFAULT_PAGE = 100;
    static final int MAX_INPUT_BYTES = 262_144;
    private final LocalExecutions executions;
    private final ObjectMapper json;
    private final TaskCallbacks callbacks;

    public StepFunctionsApi(LocalExecutions executions, ObjectMapper json) {
        this.executions = executions;
        this.json = json;
        this.callbacks = new TaskCallbacks(executions.tokens(), json);
    }

    /** @throws ApiException with the AWS error type, e.g. {@code ExecutionDoesNotExist} */
    public JsonNode call(String action, JsonNode request) {
        return switch (action) {
            case "StartExecution" ->
                started(executions.start(
                        text(request, "stateMachineArn"), optionalText(request, "name"), input(request)));
            case "StartSyncExecution" ->
                syncResult(executions.startSync(
                        text(request, "stateMachineArn"), optionalText(request, "name"), input(request)));
            case "DescribeExecution" -> describe(executions.execution(text(request, "executionArn")));
            case "GetExecutionHistory" -> history(executions.execution(text(request, "executionArn")), request);
            case "ListExecutions" -> list(request);
            case "StopExecution" ->
                json.createObjectNode()
                        .put(
                                "stopDate",
                                seconds(executions.stop(
                                        text(request, "executionArn"),
                                        request.path("error").asText(null),
                                        request.path("cause").asText(null))));
            case "CreateStateMachine" -> {
                LocalStateMachine machine = executions.create(
                        text(request, "name"),
                        text(request, "definition"),
                        request.path("roleArn").asText(""),
                        request.path("type").asText("STANDARD"));
                yield json.createObjectNode()
                        .put("stateMachineArn", machine.arn())
                        .put("creationDate", seconds(machine.creationDate()));
            }
            case "DescribeStateMachine" -> describeMachine(executions.machine(text(request, "stateMachineArn")));
            case "ListStateMachines" -> listMachines();
            case "DeleteStateMachine" -> {
                executions.delete(text(request, "stateMachineArn"));
                yield json.createObjectNode();
            }
            case "SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat" -> {
                callbacks.answer(action, request);
                yield json.createObjectNode();
            }
            default ->
                throw new ApiException("UnknownOperationException", "Operation " + action + " is not served locally");
        };
    }

    private ObjectNode started(LocalExecution execution) {
        return json.createObjectNode()
                .put("executionArn", execution.arn)
                .put("startDate", seconds(execution.startDate));
    }

    private ObjectNode describe(LocalExecution execution) {
        ObjectNode doc = json.createObjectNode();
        doc.put("executionArn", execution.arn);
        doc.put("stateMachineArn", execution.stateMachineArn);
        doc.put("name", execution.name);
        doc.put("status", execution.status().name());
        doc.put("startDate", seconds(execution.startDate));
        if (execution.stopDate() != null) {
            doc.put("stopDate", seconds(execution.stopDate()));
        }
        doc.put("input", execution.input);
        doc.putObject("inputDetails").put("included", true);
        if (execution.status() == Status.SUCCEEDED) {
            doc.put(
                    "output",
                    execution.output() == null ? "null" : execution.output().toString());
            doc.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            doc.put("error", execution.error());
        }
        if (execution.cause() != null) {
            doc.put("cause", execution.cause());
        }
        return doc;
    }

    private ObjectNode syncResult(LocalExecution execution) {
        ObjectNode doc = describe(execution);
        doc.remove("inputDetails");
        doc.remove("outputDetails");
        doc.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds", 100);
        return doc;
    }

    private ObjectNode history(LocalExecution execution, JsonNode request) {
        List<HistoryEvent> events = new ArrayList<>(execution.history());
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        ObjectNode doc = json.createObjectNode();
        ArrayNode out = doc.putArray("events");
        int from = page(request, events.size());
        int to = Math.min(events.size(), from + pageSize(request));
        for (HistoryEvent event : events.subList(from, to)) {
            ObjectNode item = out.addObject();
            item.put("timestamp", seconds(event.timestamp()));
            item.put("type", event.type());
            item.put("id", event.id());
            item.put("previousEventId", event.previousEventId());
            if (event.details() != null) {
                Iterator<Map.Entry<String, JsonNode>> fields = event.details().fields();
                fields.forEachRemaining(field -> item.set(field.getKey(), field.getValue()));
            }
        }
        if (to < events.size()) {
            doc.put("nextToken", Integer.toString(to));
        }
        return doc;
    }

    private ObjectNode list(JsonNode request) {
        String filter = request.path("statusFilter").asText("");
        List<LocalExecution> found = new ArrayList<>();
        for (LocalExecution execution : executions.executions(text(request, "stateMachineArn"))) {
            if (filter.isEmpty() || execution.status().name().equals(filter)) {
                found.add(execution);
            }
        }
        ObjectNode doc = json.createObjectNode();
        ArrayNode out = doc.putArray("executions");
        int from = page(request, found.size());
        int to = Math.min(found.size(), from + pageSize(request));
        for (LocalExecution execution : found.subList(from, to)) {
            ObjectNode item = out.addObject()
                    .put("executionArn", execution.arn)
                    .put("stateMachineArn", execution.stateMachineArn)
                    .put("name", execution.name)
                    .put("status", execution.status().name())
                    .put("startDate", seconds(execution.startDate));
            if (execution.stopDate() != null) {
                item.put("stopDate", seconds(execution.stopDate()));
            }
        }
        if (to < found.size()) {
            doc.put("nextToken", Integer.toString(to));
        }
        return doc;
    }

    private ObjectNode describeMachine(LocalStateMachine machine) {
        return json.createObjectNode()
                .put("stateMachineArn", machine.arn())
                .put("name", machine.name())
                .put("status", "ACTIVE")
                .put("definition", machine.definition())
                .put("roleArn", machine.roleArn())
                .put("type", machine.type())
                .put("creationDate", seconds(machine.creationDate()));
    }

    private ObjectNode listMachines() {
        ObjectNode doc = json.createObjectNode();
        ArrayNode out = doc.putArray("stateMachines");
        for (LocalStateMachine machine : executions.machines()) {
            out.addObject()
                    .put("stateMachineArn", machine.arn())
                    .put("name", machine.name())
                    .put("type", machine.type())
                    .put("creationDate", seconds(machine.creationDate()));
        }
        return doc;
    }

    private static int page(JsonNode request, int size) {
        String token = request.path("nextToken").asText("");
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int from = Integer.parseInt(token);
            if (from < 0 || from > size) {
                throw new NumberFormatException(token);
            }
            return from;
        } catch (NumberFormatException e) {
            throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }

    private static int pageSize(JsonNode request) {
        int max = request.path("maxResults").asInt(0);
        return max <= 0 ? DEFAULT_PAGE : Math.min(max, 1000);
    }

    /** The execution input: a string of at most 256 KiB (UTF-8), as AWS limits it; absent is {@code {}}. */
    private static String input(JsonNode request) {
        String input = optionalText(request, "input");
        if (input == null) {
            return "{}";
        }
        if (input.length() > MAX_INPUT_BYTES / 3 && input.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new ApiException(
                    "ValidationException",
                    "1 validation error detected: Value at 'input' failed to satisfy "
                            + "constraint: Member must have length less than or equal to " + MAX_INPUT_BYTES);
        }
        return input;
    }

    /** A member that may be absent, but is a string when present (AWS refuses other types while deserializing). */
    static String optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(
                    "SerializationException",
                    "'" + field + "' must be a string, not "
                            + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.asText();
    }

    static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw new ApiException(
                    "ValidationException",
                    "1 validation error detected: Value null at '" + field
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
