package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A numeric setting that the definition gives as a literal ({@code MaxConcurrency: 5}), as a JSONPath
 * {@code *Path} field read from the effective input ({@code MaxConcurrencyPath}), or, in a JSONata state, as an
 * expression ({@code "MaxConcurrency": "{% $limit %}"}). A value of the wrong kind fails the state with States.Runtime
 * (a path) or States.QueryEvaluationError (an expression).
 */
sealed interface NumberField {
    /** The field's name as written, for error messages. */
    String field();

    /** The value; {@code effective} is the JSONPath effective input, {@code raw} the JSONata {@code $states.input}. */
    JsonNode value(JsonNode effective, JsonNode raw, PathScope scope);

    String errorName();

    record Literal(String field, JsonNode number) implements NumberField {
        public JsonNode value(JsonNode effective, JsonNode raw, PathScope scope) {
            return number;
        }

        public String errorName() {
            return StatesError.RUNTIME;
        }
    }

    record AtPath(String field, String path) implements NumberField {
        public JsonNode value(JsonNode effective, JsonNode raw, PathScope scope) {
            return Io.select(path, effective, scope, field);
        }

        public String errorName() {
            return StatesError.RUNTIME;
        }
    }

    record Expression(String field, JsonataTemplate template) implements NumberField {
        public JsonNode value(JsonNode effective, JsonNode raw, PathScope scope) {
            return template.evaluate(JsonataBindings.ofInput(raw, scope), field);
        }

        public String errorName() {
            return StatesError.QUERY_EVALUATION;
        }
    }

    /** The value as a whole number of at least {@code min}, or the field's error naming what it got. */
    default long whole(JsonNode effective, JsonNode raw, PathScope scope, long min) {
        JsonNode value = value(effective, raw, scope);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < min) {
            throw new StatesError(
                    errorName(),
                    "The value of " + field() + " must be an integer of at least " + min + ", but was "
                            + Json.write(value));
        }
        return value.asLong();
    }

    /** The value as a number within {@code 0..max}, or the field's error naming what it got. */
    default double bounded(JsonNode effective, JsonNode raw, PathScope scope, double max) {
        JsonNode value = value(effective, raw, scope);
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > max) {
            throw new StatesError(
                    errorName(),
                    "The value of " + field() + " must be a number from 0 to " + max + ", but was "
                            + Json.write(value));
        }
        return value.asDouble();
    }
}
