package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AWS input/output pipeline: InputPath, Parameters, then (after the work) ResultSelector,
 * ResultPath and OutputPath. Path misses raise States.Runtime as AWS does.
 */
final class Io {
    private Io() {}

    static JsonNode input(DataFlow io, JsonNode raw) {
        return select(io.inputPath(), raw, "InputPath");
    }

    static JsonNode parameters(DataFlow io, JsonNode effective, PathScope scope) {
        return io.parameters() == null ? effective : PayloadTemplate.evaluate(io.parameters(), scope, "Parameters");
    }

    /** Applies ResultSelector, ResultPath (against the raw state input) and OutputPath. */
    static JsonNode output(DataFlow io, JsonNode raw, JsonNode result, PathScope scope) {
        JsonNode selected = io.resultSelector() == null ? result
                : PayloadTemplate.evaluate(io.resultSelector(), new PathScope(result, scope.context(), scope.random()), "ResultSelector");
        JsonNode merged = applyResultPath(io.resultPath(), raw, selected);
        return ExecutionScope.checked(select(io.outputPath(), merged, "OutputPath"), "state output");
    }

    static JsonNode applyResultPath(String resultPath, JsonNode raw, JsonNode result) {
        if (resultPath == null) {
            return raw;
        }
        return ReferencePath.parse(resultPath).write(raw, result);
    }

    static JsonNode select(String path, JsonNode document, String field) {
        if (path == null) {
            return Json.object();
        }
        return JsonPaths.find(document, path).orElseThrow(() -> new StatesError(StatesError.RUNTIME,
                "Invalid path '" + path + "' for " + field + ": No results for path in input '" + Json.write(document) + "'"));
    }
}
