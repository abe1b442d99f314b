package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.EngineClock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a path resolves against while a state is evaluated: {@code $...} the input, {@code $$...} the context
 * object, {@code $name...} the workflow variable {@code name}; plus the engine's random source (States.MathRandom,
 * States.UUID, {@code $random}, {@code $uuid}) and clock (JSONata's {@code $now} and {@code $millis}).
 */
public record PathScope(
        JsonNode input, JsonNode context, RandomGenerator random, Variables variables, EngineClock clock) {

    /** Resolves {@code path}; empty when it selects nothing (an unknown variable selects nothing). */
    public Optional<JsonNode> find(String path) {
        return find(path, input);
    }

    /** As {@link #find(String)}, with {@code $...} resolved against {@code document} instead of the input. */
    public Optional<JsonNode> find(String path, JsonNode document) {
        if (path.startsWith("$$")) {
            return JsonPaths.find(context, path.substring(1));
        }
        Optional<String> variable = PathSyntax.variableName(path);
        if (variable.isPresent()) {
            String name = variable.get();
            return variables.get(name).flatMap(value -> JsonPaths.find(value, "$" + path.substring(1 + name.length())));
        }
        return JsonPaths.find(document, path);
    }

    /** The document {@code path} reads from, for error messages. */
    public JsonNode source(String path, JsonNode document) {
        if (path.startsWith("$$")) {
            return context;
        }
        return PathSyntax.variableName(path).flatMap(variables::get).orElse(document);
    }

    public PathScope withInput(JsonNode newInput) {
        return new PathScope(newInput, context, random, variables, clock);
    }

    public PathScope withContext(JsonNode newContext) {
        return new PathScope(input, newContext, random, variables, clock);
    }
}
