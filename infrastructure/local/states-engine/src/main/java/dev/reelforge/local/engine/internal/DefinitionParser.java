package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns an ASL document, in either query language, into a {@link StateGraph}, collecting every problem found with a
 * JSON-pointer location so one run shows all mistakes, like AWS's InvalidDefinition. What AWS accepts but this engine
 * does not run is a problem too, coded {@value #UNSUPPORTED}.
 */
public final class DefinitionParser {
    private static final Set<String> TYPES =
            Set.of("Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map");
    private static final Set<String> TERMINAL = Set.of("Choice", "Succeed", "Fail");

    /** The code of a problem that is a local limitation rather than a mistake in the definition. */
    public static final String UNSUPPORTED = "UNSUPPORTED_LOCALLY";

    final List<String> problems = new ArrayList<>();
    private final ChoiceParser choices = new ChoiceParser(this);
    private final ErrorHandlingParser errorHandling = new ErrorHandlingParser(this);
    private final FlowParser flows = new FlowParser(this);
    private QueryLanguage topLevelLanguage = QueryLanguage.JSONPATH;

    /** Parses a whole definition: the top-level QueryLanguage, then the graph. */
    public StateGraph definition(JsonNode root) {
        JsonNode language = root.get("QueryLanguage");
        if (language != null) {
            topLevelLanguage = QueryLanguage.byWireName(language.asText()).orElseGet(() -> {
                problem("SCHEMA_VALIDATION_FAILED", "'QueryLanguage' must be JSONPath or JSONata", "/QueryLanguage");
                return QueryLanguage.JSONPATH;
            });
        }
        return graph(root, "");
    }

    QueryLanguage topLevelLanguage() {
        return topLevelLanguage;
    }

    FlowParser flows() {
        return flows;
    }

    public List<String> problems() {
        return problems;
    }

    public StateGraph graph(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "Expected an object", pointer);
            return new StateGraph("", Map.of(), null);
        }
        String startAt = requiredText(node, "StartAt", pointer);
        JsonNode statesNode = node.get("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "The field 'States' is required and must be a non-empty object",
                    pointer);
        } else {
            statesNode.fields().forEachRemaining(e -> {
                State state = state(e.getKey(), e.getValue(), pointer + "/States/" + e.getKey());
                if (state != null) {
                    states.put(e.getKey(), state);
                }
            });
            if (startAt != null && !statesNode.has(startAt)) {
                problem("MISSING_TRANSITION_TARGET", "State \"" + startAt + "\" is not found", pointer + "/StartAt");
            }
            statesNode
                    .fields()
                    .forEachRemaining(e -> checkTargets(e.getKey(), states.get(e.getKey()), statesNode, pointer));
        }
        Integer timeout = positiveInt(node, "TimeoutSeconds", pointer);
        return new StateGraph(startAt == null ? "" : startAt, states, timeout);
    }

    private State state(String name, JsonNode node, String at) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A state must be an object", at);
            return null;
        }
        String type = requiredText(node, "Type", at);
        if (type == null) {
            return null;
        }
        if (!TYPES.contains(type)) {
            problem("SCHEMA_VALIDATION_FAILED", "Unknown state type '" + type + "'", at + "/Type");
            return null;
        }
        String next = transition(type, node, at);
        QueryLanguage language = flows.language(node, at);
        flows.checkFields(type, node, at, language);
        Flow io = flows.flow(node, at, language);
        return switch (type) {
            case "Task" ->
                new State.Task(
                        name,
                        next,
                        io,
                        requiredText(node, "Resource", at),
                        timeout(node, at, language),
                        heartbeat(node, at, language),
                        errorHandling.parse(node, at, language));
            case "Pass" -> new State.Pass(name, next, io, node.get("Result"));
            case "Wait" -> waitState(name, next, io, node, at, language);
            case "Choice" ->
                new State.Choice(name, io, choices.branches(node, at, language), optionalText(node, "Default", at));
            case "Succeed" -> new State.Succeed(name, io);
            case "Fail" -> failState(name, node, at, language);
            case "Parallel" ->
                new State.Parallel(name, next, io, branches(node, at), errorHandling.parse(node, at, language));
            default ->
                MapStateParser.parse(this, name, next, io, node, at, errorHandling.parse(node, at, language), language);
        };
    }

    private NumberField timeout(JsonNode node, String at, QueryLanguage language) {
        NumberField timeout = numberField(node, "TimeoutSeconds", at, language);
        if (timeout instanceof NumberField.Literal) {
            positiveInt(node, "TimeoutSeconds", at);
        }
        return timeout;
    }

    /**
     * HeartbeatSeconds runs locally on {@code .waitForTaskToken} Tasks, whose callers can SendTaskHeartbeat; an
     * activity's or a {@code .sync} job's heartbeat is not, so there it is refused. A literal must be below a literal
     * TimeoutSeconds, as AWS requires.
     */
    private NumberField heartbeat(JsonNode node, String at, QueryLanguage language) {
        NumberField heartbeat = numberField(node, "HeartbeatSeconds", at, language);
        if (heartbeat == null) {
            return null;
        }
        String resource = node.path("Resource").asText("");
        if (!resource.endsWith(".waitForTaskToken")) {
            unsupported(
                    "The field '" + heartbeat.field() + "' is run by the local engine only on a .waitForTaskToken Task",
                    at + "/" + heartbeat.field());
        }
        if (heartbeat instanceof NumberField.Literal) {
            Integer beat = positiveInt(node, "HeartbeatSeconds", at);
            JsonNode timeout = node.get("TimeoutSeconds");
            if (beat != null && timeout != null && timeout.canConvertToExactIntegral() && beat >= timeout.asLong()) {
                problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'",
                        at + "/HeartbeatSeconds");
            }
        }
        return heartbeat;
    }

    /**
     * {@code field} as a literal, as {@code fieldPath} (JSONPath) or as an expression (JSONata); {@code null} when
     * absent. Both a field and its path is a problem.
     */
    NumberField numberField(JsonNode node, String field, String at, QueryLanguage language) {
        JsonNode value = node.get(field);
        String pathField = field + "Path";
        if (value != null && node.has(pathField)) {
            problem("SCHEMA_VALIDATION_FAILED", "'" + field + "' and '" + pathField + "' are mutually exclusive", at);
        }
        if (value != null) {
            if (language == QueryLanguage.JSONATA
                    && JsonataExpression.body(value).isPresent()) {
                return new NumberField.Expression(field, flows.jsonata(node, field, at));
            }
            if (!value.isNumber()) {
                problem("SCHEMA_VALIDATION_FAILED", "'" + field + "' must be a number", at + "/" + field);
            }
            return new NumberField.Literal(field, value);
        }
        String path = readPathField(node, pathField, at);
        return path == null ? null : new NumberField.AtPath(pathField, path);
    }

    private String transition(String type, JsonNode node, String at) {
        boolean hasNext = node.has("Next");
        boolean end = node.path("End").asBoolean(false);
        if (TERMINAL.contains(type)) {
            if (hasNext || node.has("End")) {
                problem("SCHEMA_VALIDATION_FAILED", type + " states must not have 'Next' or 'End'", at);
            }
            return null;
        }
        if (hasNext == end) {
            problem("SCHEMA_VALIDATION_FAILED", "Exactly one of 'Next' or 'End: true' is required", at);
        }
        return hasNext ? requiredText(node, "Next", at) : null;
    }

    private State.Wait waitState(String name, String next, Flow io, JsonNode node, String at, QueryLanguage language) {
        long fields = Stream.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")
                .filter(node::has)
                .count();
        if (fields != 1) {
            problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "Exactly one of Seconds, SecondsPath, Timestamp, TimestampPath is required",
                    at);
        }
        NumberField seconds = numberField(node, "Seconds", at, language);
        if (seconds instanceof NumberField.Literal literal
                && (!literal.number().canConvertToExactIntegral()
                        || literal.number().asLong() < 0)) {
            problem("SCHEMA_VALIDATION_FAILED", "'Seconds' must be a non-negative integer", at + "/Seconds");
        }
        JsonataTemplate timestampExpression = null;
        String timestamp = null;
        if (language == QueryLanguage.JSONATA
                && JsonataExpression.body(node.get("Timestamp")).isPresent()) {
            timestampExpression = flows.jsonata(node, "Timestamp", at);
        } else {
            timestamp = optionalText(node, "Timestamp", at);
            if (timestamp != null && Timestamps.parse(timestamp).isEmpty()) {
                problem("SCHEMA_VALIDATION_FAILED", "'Timestamp' must be an RFC3339 timestamp", at + "/Timestamp");
            }
        }
        return new State.Wait(
                name, next, io, seconds, timestamp, readPathField(node, "TimestampPath", at), timestampExpression);
    }

    private State.Fail failState(String name, JsonNode node, String at, QueryLanguage language) {
        for (String field : List.of("Error", "Cause")) {
            if (node.has(field) && node.has(field + "Path")) {
                problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "'" + field + "' and '" + field + "Path' are mutually exclusive",
                        at);
            }
        }
        String error = optionalText(node, "Error", at);
        String cause = optionalText(node, "Cause", at);
        if (language == QueryLanguage.JSONATA) {
            return new State.Fail(
                    name,
                    null,
                    null,
                    null,
                    null,
                    error == null ? null : flows.jsonata(node, "Error", at),
                    cause == null ? null : flows.jsonata(node, "Cause", at));
        }
        return new State.Fail(
                name,
                error,
                optionalText(node, "ErrorPath", at),
                cause,
                optionalText(node, "CausePath", at),
                null,
                null);
    }

    private List<StateGraph> branches(JsonNode node, String at) {
        JsonNode branches = node.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "'Branches' must be a non-empty array", at);
            return List.of();
        }
        List<StateGraph> graphs = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            graphs.add(graph(branches.get(i), at + "/Branches/" + i));
        }
        return graphs;
    }

    JsonNode template(JsonNode node, String field, String at) {
        JsonNode template = node.get(field);
        if (template != null) {
            if (!template.isObject()) {
                problem("SCHEMA_VALIDATION_FAILED", "'" + field + "' must be an object", at + "/" + field);
            }
            PayloadTemplate.validate(template, at + "/" + field, problems);
        }
        return template;
    }

    private void checkTargets(String name, State state, JsonNode states, String pointer) {
        if (state == null) {
            return;
        }
        String at = pointer + "/States/" + name;
        List<String> targets = new ArrayList<>();
        if (state instanceof State.Task t) {
            targets.add(t.next());
            t.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Parallel p) {
            targets.add(p.next());
            p.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Map m) {
            targets.add(m.next());
            m.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Pass p) {
            targets.add(p.next());
        } else if (state instanceof State.Wait w) {
            targets.add(w.next());
        } else if (state instanceof State.Choice c) {
            c.choices().forEach(b -> targets.add(b.next()));
            targets.add(c.defaultNext());
        }
        for (String target : targets) {
            if (target != null && !states.has(target)) {
                problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target, at);
            }
        }
    }

    /** A JSONPath field: absent gives "$", JSON null gives {@code null}. */
    String pathField(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "$";
        }
        if (value.isNull()) {
            return null;
        }
        String text = value.asText();
        PathSyntax.syntaxError(text)
                .ifPresent(m -> problem("INVALID_JSON_PATH", "Invalid JSON path '" + text + "'", at + "/" + field));
        return text;
    }

    /** A path a state reads one value from (SecondsPath, TimeoutSecondsPath, …), or {@code null} when absent. */
    String readPathField(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' must be a string", at + "/" + field);
            return null;
        }
        return pathField(node, field, at);
    }

    String referencePathField(JsonNode node, String field, String at, String absent) {
        JsonNode value = node.get(field);
        if (value == null) {
            return absent;
        }
        if (value.isNull()) {
            return null;
        }
        try {
            ReferencePath.parse(value.asText());
        } catch (IllegalArgumentException e) {
            problem("INVALID_JSON_PATH", "Invalid reference path '" + value.asText() + "'", at + "/" + field);
        }
        return value.asText();
    }

    String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is required and must be a string", at);
            return null;
        }
        return value.textValue();
    }

    String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' must be a string", at + "/" + field);
            return null;
        }
        return value == null ? null : value.textValue();
    }

    Integer positiveInt(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() <= 0 || value.asLong() > 99_999_999) {
            problem("SCHEMA_VALIDATION_FAILED", "'" + field + "' must be a positive integer", at + "/" + field);
            return null;
        }
        return value.asInt();
    }

    /** Records that the definition is valid for AWS but uses something this engine does not run. */
    public void unsupported(String message, String at) {
        problem(UNSUPPORTED, message, at);
    }

    public void problem(String code, String message, String at) {
        problems.add(code + ": " + message + " at " + (at.isEmpty() ? "/" : at));
    }
}
