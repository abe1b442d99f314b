package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query-language half of parsing a state: which language it uses (its own {@code QueryLanguage}, else the top
 * level's; a JSONata top level admits no JSONPath state, as on AWS), which fields that language allows, and its {@link Flow}. A field AWS knows but this engine does not run is
 * reported as {@value DefinitionParser#UNSUPPORTED}, never accepted and ignored; a field AWS does not know is rejected
 * as AWS rejects it.
 */
final class FlowParser {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage", "Next", "End");
    private static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Task",
                    Set.of(
                            "Resource",
                            "TimeoutSeconds",
                            "TimeoutSecondsPath",
                            "HeartbeatSeconds",
                            "HeartbeatSecondsPath",
                            "Credentials",
                            "Retry",
                            "Catch",
                            "Arguments",
                            "Parameters",
                            "ResultSelector",
                            "ResultPath",
                            "InputPath",
                            "OutputPath",
                            "Output",
                            "Assign"),
            "Pass", Set.of("Result", "Parameters", "ResultPath", "InputPath", "OutputPath", "Output", "Assign"),
            "Wait",
                    Set.of(
                            "Seconds",
                            "SecondsPath",
                            "Timestamp",
                            "TimestampPath",
                            "InputPath",
                            "OutputPath",
                            "Output",
                            "Assign"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign"),
            "Succeed", Set.of("InputPath", "OutputPath", "Output"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel",
                    Set.of(
                            "Branches",
                            "Retry",
                            "Catch",
                            "Arguments",
                            "Parameters",
                            "ResultSelector",
                            "ResultPath",
                            "InputPath",
                            "OutputPath",
                            "Output",
                            "Assign"),
            "Map",
                    Set.of(
                            "ItemProcessor",
                            "Iterator",
                            "ItemsPath",
                            "Items",
                            "ItemSelector",
                            "ItemReader",
                            "ItemBatcher",
                            "ResultWriter",
                            "MaxConcurrency",
                            "MaxConcurrencyPath",
                            "ToleratedFailurePercentage",
                            "ToleratedFailurePercentagePath",
                            "ToleratedFailureCount",
                            "ToleratedFailureCountPath",
                            "Label",
                            "Retry",
                            "Catch",
                            "Parameters",
                            "ResultSelector",
                            "ResultPath",
                            "InputPath",
                            "OutputPath",
                            "Output",
                            "Assign"));
    private static final Set<String> JSONPATH_ONLY = Set.of(
            "InputPath",
            "Parameters",
            "ResultSelector",
            "ResultPath",
            "OutputPath",
            "Result",
            "ItemsPath",
            "Iterator",
            "SecondsPath",
            "TimestampPath",
            "TimeoutSecondsPath",
            "HeartbeatSecondsPath",
            "ErrorPath",
            "CausePath",
            "MaxConcurrencyPath",
            "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Set<String> NOT_RUN_LOCALLY = Set.of("Credentials");

    private final DefinitionParser owner;

    FlowParser(DefinitionParser owner) {
        this.owner = owner;
    }

    QueryLanguage language(JsonNode node, String at) {
        JsonNode field = node.get("QueryLanguage");
        if (field == null) {
            return owner.topLevelLanguage();
        }
        QueryLanguage language = QueryLanguage.byWireName(field.asText()).orElseGet(() -> {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED", "'QueryLanguage' must be JSONPath or JSONata", at + "/QueryLanguage");
            return owner.topLevelLanguage();
        });
        if (owner.topLevelLanguage() == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "A state machine whose top-level QueryLanguage is JSONata cannot have JSONPath states",
                    at + "/QueryLanguage");
        }
        return language;
    }

    /** Reports every field of {@code node} that its type and language do not allow, or that is not run locally. */
    void checkFields(String type, JsonNode node, String at, QueryLanguage language) {
        Set<String> allowed = STATE_FIELDS.get(type);
        node.fieldNames().forEachRemaining(field -> {
            String where = at + "/" + field;
            if (!COMMON.contains(field) && !allowed.contains(field)) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "The field '" + field + "' is not supported by Step Functions",
                        where);
            } else if (language == QueryLanguage.JSONATA && JSONPATH_ONLY.contains(field)) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "The field '" + field
                                + "' is not supported with the JSONata query language; use Arguments, Output, Items or Assign",
                        where);
            } else if (language == QueryLanguage.JSONPATH && JSONATA_ONLY.contains(field)) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "The field '" + field + "' requires \"QueryLanguage\": \"JSONata\"",
                        where);
            } else if (NOT_RUN_LOCALLY.contains(field)) {
                owner.unsupported("The field '" + field + "' is not run by the local engine", where);
            }
        });
    }

    Flow flow(JsonNode node, String at, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return new JsonataFlow(
                    jsonata(node, "Arguments", at), jsonata(node, "Output", at), jsonataAssign(node, at));
        }
        JsonNode parameters = owner.template(node, "Parameters", at);
        JsonNode resultSelector = owner.template(node, "ResultSelector", at);
        return new DataFlow(
                owner.pathField(node, "InputPath", at),
                parameters,
                resultSelector,
                owner.referencePathField(node, "ResultPath", at, "$"),
                owner.pathField(node, "OutputPath", at),
                jsonPathAssign(node, at));
    }

    /** A Choice rule's or a Catch's own fields: Assign and (JSONata) Output, with ResultPath for a JSONPath Catch. */
    Flow nestedFlow(JsonNode node, String at, QueryLanguage language, boolean withResultPath) {
        if (language == QueryLanguage.JSONATA) {
            for (String field : List.of("ResultPath", "OutputPath", "InputPath", "Parameters")) {
                if (node.has(field)) {
                    owner.problem(
                            "SCHEMA_VALIDATION_FAILED",
                            "The field '" + field + "' is not supported with the JSONata query language",
                            at + "/" + field);
                }
            }
            return new JsonataFlow(null, jsonata(node, "Output", at), jsonataAssign(node, at));
        }
        if (node.has("Output")) {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "The field 'Output' requires \"QueryLanguage\": \"JSONata\"",
                    at + "/Output");
        }
        String resultPath = withResultPath ? owner.referencePathField(node, "ResultPath", at, "$") : "$";
        return new DataFlow("$", null, null, resultPath, "$", jsonPathAssign(node, at));
    }

    /** A JSONata field compiled, or {@code null} when absent. */
    JsonataTemplate jsonata(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        return value == null ? null : JsonataTemplate.compile(value, at + "/" + field, owner.problems);
    }

    private JsonNode jsonPathAssign(JsonNode node, String at) {
        JsonNode assign = checkedAssign(node, at, QueryLanguage.JSONPATH);
        if (assign != null) {
            PayloadTemplate.validate(assign, at + "/Assign", owner.problems);
        }
        return assign;
    }

    private JsonataTemplate jsonataAssign(JsonNode node, String at) {
        JsonNode assign = checkedAssign(node, at, QueryLanguage.JSONATA);
        return assign == null ? null : JsonataTemplate.compile(assign, at + "/Assign", owner.problems);
    }

    private JsonNode checkedAssign(JsonNode node, String at, QueryLanguage language) {
        JsonNode assign = node.get("Assign");
        if (assign == null) {
            return null;
        }
        String where = at + "/Assign";
        if (!assign.isObject()) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "'Assign' must be an object", where);
            return null;
        }
        assign.fieldNames().forEachRemaining(key -> {
            String name =
                    language == QueryLanguage.JSONPATH && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            Variables.nameProblem(name)
                    .ifPresent(message -> owner.problem("SCHEMA_VALIDATION_FAILED", message, where + "/" + key));
        });
        return assign;
    }
}
