package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.EngineClock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a path resolves against while a state is evaluated: {@code $...} the input, {@code $$...} the context
 * object, {@code $name...} the workflow variable {@code name}; plus the engine's random source (States.MathRandom,
 * States.UUID, {@code $random}, {@code $uuid}) and clock (JSONata's {@code $now} and {@code $millis}). The context
 * object is built when first read: most states never read it, and building it (the entered time as text) was the
 * largest per-state cost of a Pass. Immutable once built; safe to share between threads.
 */
public final class PathScope {
    private final JsonNode input;
    private final RandomGenerator random;
    private final Variables variables;
    private final EngineClock clock;
    private Supplier<JsonNode> contextSource;
    private volatile JsonNode context;

    public PathScope(JsonNode input, JsonNode context, RandomGenerator random, Variables variables, EngineClock clock) {
        this(input, (Supplier<JsonNode>) null, random, variables, clock);
        this.context = context;
    }

    /** A scope whose context object {@code contextSource} builds on first use. */
    PathScope(
            JsonNode input,
            Supplier<JsonNode> contextSource,
            RandomGenerator random,
            Variables variables,
            EngineClock clock) {
        this.input = input;
        this.contextSource = contextSource;
        this.random = random;
        this.variables = variables;
        this.clock = clock;
    }

    public JsonNode input() {
        return input;
    }

    /** The context object ({@code $$}). */
    public JsonNode context() {
        JsonNode built = context;
        if (built == null) {
            synchronized (this) {
                built = context;
                if (built == null) {
                    built = contextSource.get();
                    context = built;
                    contextSource = null;
                }
            }
        }
        return built;
    }

    public RandomGenerator random() {
        return random;
    }

    public Variables variables() {
        return variables;
    }

    public EngineClock clock() {
        return clock;
    }

    /** Resolves {@code path}; empty when it selects nothing (an unknown variable selects nothing). */
    public Optional<JsonNode> find(String path) {
        return find(path, input);
    }

    /** As {@link #find(String)}, with {@code $...} resolved against {@code document} instead of the input. */
    public Optional<JsonNode> find(String path, JsonNode document) {
        if (path.startsWith("$$")) {
            return JsonPaths.find(context(), path.substring(1));
        }
        Optional<String> variable = PathSyntax.variableName(path);
        if (variable.isPresent()) {
            String name = variable.get();
            return variables.get(name).flatMap(value -> JsonPaths.find(value, "$" + path.substring(1 + name.length())));
        }
        return JsonPaths.find(document, path);
    }

    /** As {@link #find(String, JsonNode)}, {@code null} when the path selects nothing (nothing allocated for it). */
    JsonNode findOrNull(String path, JsonNode document) {
        if (path.startsWith("$$") || PathSyntax.variableName(path).isPresent()) {
            return find(path, document).orElse(null);
        }
        return JsonPaths.findOrNull(document, path);
    }

    /** The document {@code path} reads from, for error messages. */
    public JsonNode source(String path, JsonNode document) {
        if (path.startsWith("$$")) {
            return context();
        }
        return PathSyntax.variableName(path).flatMap(variables::get).orElse(document);
    }

    public PathScope withInput(JsonNode newInput) {
        if (newInput == input) {
            return this;
        }
        JsonNode built = context;
        return built != null
                ? new PathScope(newInput, built, random, variables, clock)
                : new PathScope(newInput, this::context, random, variables, clock);
    }

    public PathScope withContext(JsonNode newContext) {
        return new PathScope(input, newContext, random, variables, clock);
    }
}
