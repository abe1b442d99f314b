package dev.reelforge.local.engine.internal;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code {% … %}} expression, compiled once when the definition is parsed. Evaluation binds {@code $states} and
 * the workflow variables and turns every failure, and an undefined result, into States.QueryEvaluationError as AWS
 * does. Thread-safe: evaluations of one expression are serialized, the library keeping evaluation state per instance.
 */
final class JsonataExpression {
    /**
     * Wraps the expression so that an undefined result is told apart from JSON null ({} versus {"v": null}), and so
     * that {@code $now} formats the engine clock's {@code $millis} rather than the system clock.
     */
    private static final String RESULT = "__reelforgeResult";
    /** Bounds on one evaluation, so that a runaway recursion fails the state instead of the engine. */
    private static final long MAX_MILLIS = 10_000;

    private static final int MAX_DEPTH = 500;
    private final String text;
    private final Jsonata compiled;

    private JsonataExpression(String text, Jsonata compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /** The expression between {@code {%} and {@code %}}, or empty when {@code value} is not such a string. */
    static Optional<String> body(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        String s = value.textValue();
        if (s.length() >= 4 && s.startsWith("{%") && s.endsWith("%}")) {
            return Optional.of(s.substring(2, s.length() - 2));
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException with the library's message when {@code body} does not parse */
    static JsonataExpression compile(String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("The JSONata expression is empty");
        }
        try {
            Jsonata.jsonata(body);
            Jsonata wrapped = Jsonata.jsonata("($now := function($picture, $timezone) {"
                    + " $fromMillis($millis(), $picture, $timezone) }; $" + RESULT + " := (" + body + "\n); $exists($"
                    + RESULT + ") ? {'v': $" + RESULT + "} : {})");
            return new JsonataExpression(body.strip(), wrapped);
        } catch (JException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    String text() {
        return text;
    }

    JsonNode evaluate(JsonataBindings bindings, String field) {
        Object result;
        try {
            synchronized (this) {
                Jsonata.Frame frame = compiled.createFrame();
                frame.setRuntimeBounds(MAX_MILLIS, MAX_DEPTH);
                bindings.bindTo(frame);
                result = compiled.evaluate(null, frame);
            }
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new StatesError(
                    StatesError.QUERY_EVALUATION,
                    "The JSONata expression '" + text + "' specified for the field '" + field
                            + "' threw an error during evaluation: " + e.getMessage());
        }
        if (!(result instanceof Map<?, ?> holder) || !holder.containsKey("v")) {
            throw new StatesError(
                    StatesError.QUERY_EVALUATION,
                    "The JSONata expression '" + text + "' specified for the field '" + field
                            + "' returned nothing (undefined).");
        }
        try {
            return JsonataValues.toJson(holder.get("v"));
        } catch (IllegalArgumentException e) {
            throw new StatesError(
                    StatesError.QUERY_EVALUATION,
                    "The JSONata expression '" + text + "' specified for the field '" + field + "' returned "
                            + e.getMessage());
        }
    }
}
