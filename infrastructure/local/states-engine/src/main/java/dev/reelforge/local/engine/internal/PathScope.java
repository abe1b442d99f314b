package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What {@code $} and {@code $$} paths resolve against while evaluating a payload template or
 * intrinsic function, plus the random source for States.MathRandom/UUID.
 */
public record PathScope(JsonNode input, JsonNode context, RandomGenerator random) {

    /** Resolves {@code $...} against the input and {@code $$...} against the context object. */
    public Optional<JsonNode> find(String path) {
        if (path.startsWith("$$")) {
            return JsonPaths.find(context, path.substring(1));
        }
        return JsonPaths.find(input, path);
    }

    public PathScope withContext(JsonNode newContext) {
        return new PathScope(input, newContext, random);
    }
}
