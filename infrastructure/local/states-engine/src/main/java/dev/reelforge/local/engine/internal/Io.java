package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state's data pipeline in either query language. JSONPath: InputPath, Parameters, then (after the work)
 * ResultSelector, Assign (reading the selected result), ResultPath and OutputPath. JSONata: Arguments, then Assign
 * and Output, both reading {@code $states} and the variables as they were when the state was entered. Either way the
 * new variables are stored only once the output is known, so a state never reads its own assignments.
 */
final class Io {
    private Io() {}

    /** The input the work sees before Parameters: InputPath applied (JSONPath), or the raw input (JSONata). */
    static JsonNode input(Flow flow, JsonNode raw, PathScope scope) {
        return flow instanceof DataFlow io ? select(io.inputPath(), raw, scope, "InputPath") : raw;
    }

    /** Parameters (JSONPath) or Arguments (JSONata); without them, the effective input. */
    static JsonNode arguments(Flow flow, JsonNode raw, JsonNode effective, PathScope scope) {
        if (flow instanceof DataFlow io) {
            return io.parameters() == null
                    ? effective
                    : PayloadTemplate.evaluate(io.parameters(), scope.withInput(effective), "Parameters");
        }
        JsonataFlow jsonata = (JsonataFlow) flow;
        return jsonata.arguments() == null
                ? raw
                : jsonata.arguments().evaluate(JsonataBindings.ofInput(raw, scope), "Arguments");
    }

    /**
     * The state output, after storing the state's Assign.
     *
     * @param result the work's result, or {@code null} for a state without one (Choice, Wait, Succeed, JSONata Pass)
     */
    static JsonNode output(Flow flow, JsonNode raw, JsonNode effective, JsonNode result, PathScope scope) {
        if (flow instanceof DataFlow io) {
            return jsonPathOutput(io, raw, effective, result, scope);
        }
        JsonataFlow jsonata = (JsonataFlow) flow;
        JsonataBindings bindings = new JsonataBindings(raw, result, null, scope);
        Map<String, JsonNode> assigned = jsonataAssign(jsonata.assign(), bindings);
        JsonNode output = jsonata.output() != null
                ? jsonata.output().evaluate(bindings, "Output")
                : result != null ? result : raw;
        scope.variables().assign(assigned);
        return ExecutionScope.checked(output, "state output");
    }

    /** A Catch's output: ResultPath with the error output (JSONPath) or Output over {@code $states.errorOutput}. */
    static JsonNode caught(Flow flow, JsonNode raw, JsonNode errorOutput, PathScope scope) {
        if (flow instanceof DataFlow io) {
            Map<String, JsonNode> assigned = jsonPathAssign(io.assign(), scope.withInput(errorOutput));
            JsonNode output = applyResultPath(io.resultPath(), raw, errorOutput);
            scope.variables().assign(assigned);
            return output;
        }
        JsonataFlow jsonata = (JsonataFlow) flow;
        JsonataBindings bindings = new JsonataBindings(raw, null, errorOutput, scope);
        Map<String, JsonNode> assigned = jsonataAssign(jsonata.assign(), bindings);
        JsonNode output =
                jsonata.output() == null ? errorOutput : jsonata.output().evaluate(bindings, "Output");
        scope.variables().assign(assigned);
        return output;
    }

    private static JsonNode jsonPathOutput(
            DataFlow io, JsonNode raw, JsonNode effective, JsonNode result, PathScope scope) {
        if (result == null) {
            Map<String, JsonNode> assigned = jsonPathAssign(io.assign(), scope.withInput(effective));
            JsonNode output = select(io.outputPath(), effective, scope, "OutputPath");
            scope.variables().assign(assigned);
            return output;
        }
        JsonNode selected = io.resultSelector() == null
                ? result
                : PayloadTemplate.evaluate(io.resultSelector(), scope.withInput(result), "ResultSelector");
        Map<String, JsonNode> assigned = jsonPathAssign(io.assign(), scope.withInput(selected));
        JsonNode merged = applyResultPath(io.resultPath(), raw, selected);
        JsonNode output = ExecutionScope.checked(select(io.outputPath(), merged, scope, "OutputPath"), "state output");
        scope.variables().assign(assigned);
        return output;
    }

    static Map<String, JsonNode> jsonPathAssign(JsonNode assign, PathScope scope) {
        if (assign == null) {
            return Map.of();
        }
        return fields(PayloadTemplate.evaluate(assign, scope, "Assign"));
    }

    static Map<String, JsonNode> jsonataAssign(JsonataTemplate assign, JsonataBindings bindings) {
        return assign == null ? Map.of() : fields(assign.evaluate(bindings, "Assign"));
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue());
        }
        return values;
    }

    static JsonNode applyResultPath(String resultPath, JsonNode raw, JsonNode result) {
        if (resultPath == null) {
            return raw;
        }
        return ReferencePath.parse(resultPath).write(raw, result);
    }

    /** A JSONPath field's value: {@code $...} on {@code document}, {@code $$...} the context, {@code $name...} a variable. */
    static JsonNode select(String path, JsonNode document, PathScope scope, String field) {
        if (path == null) {
            return Json.object();
        }
        JsonNode found = scope.findOrNull(path, document);
        if (found == null) {
            throw noResults(path, field);
        }
        return found;
    }

    static StatesError noResults(String path, String field) {
        return new StatesError(
                StatesError.RUNTIME, "Invalid path '" + path + "' : No results for path: " + normalized(path));
    }

    /** Jayway's bracket form, {@code $['a'][0]}, as AWS prints it; variable and context paths as written. */
    private static String normalized(String path) {
        if (path.startsWith("$$") || PathSyntax.variableName(path).isPresent()) {
            return path;
        }
        try {
            return JsonPath.compile(path).getPath();
        } catch (RuntimeException e) {
            return path;
        }
    }

    static ObjectNode errorOutput(StatesError e) {
        ObjectNode error = Json.object();
        error.put("Error", e.error());
        error.put("Cause", e.cause());
        return error;
    }
}
