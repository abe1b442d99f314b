package dev.reelforge.local.engine.internal;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a JSONata expression in a state sees: {@code $states} ({@code input}, {@code result} when the work
 * succeeded, {@code errorOutput} in a Catch, {@code context}), every visible workflow variable, and the functions
 * Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid},
 * {@code $parse}). {@code $eval} is not available, as on AWS. {@code $millis} (and so {@code $now}, see
 * {@link JsonataExpression}) reads the engine clock, fixed for one expression as JSONata fixes it.
 *
 * @param result {@code null} where the field may not read {@code $states.result}
 * @param errorOutput {@code null} outside a Catch
 */
record JsonataBindings(JsonNode input, JsonNode result, JsonNode errorOutput, PathScope scope) {
    private static final int MAX_RANGE = 1000;

    static JsonataBindings ofInput(JsonNode input, PathScope scope) {
        return new JsonataBindings(input, null, null, scope);
    }

    JsonataBindings withResult(JsonNode newResult) {
        return new JsonataBindings(input, newResult, errorOutput, scope);
    }

    void bindTo(Jsonata.Frame frame) {
        scope.variables().visible().forEach((name, value) -> frame.bind(name, JsonataValues.toJava(value)));
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", JsonataValues.toJava(input));
        if (result != null) {
            states.put("result", JsonataValues.toJava(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", JsonataValues.toJava(errorOutput));
        }
        states.put("context", JsonataValues.toJava(scope.context()));
        frame.bind("states", states);
        frame.bind(
                "eval",
                new Jsonata.JFunction(
                        (in, args) -> {
                            throw new IllegalArgumentException("$eval is not available in Step Functions; use $parse");
                        },
                        null));
        frame.bind("partition", new Jsonata.JFunction((in, args) -> partition(args), null));
        frame.bind("range", new Jsonata.JFunction((in, args) -> range(args), null));
        frame.bind("hash", new Jsonata.JFunction((in, args) -> hash(args), null));
        frame.bind("random", new Jsonata.JFunction((in, args) -> random(args), null));
        frame.bind("uuid", new Jsonata.JFunction((in, args) -> IntrinsicFunctions.uuid(scope.random()), null));
        frame.bind("parse", new Jsonata.JFunction((in, args) -> parse(args), null));
        long millis = scope.clock().now().toEpochMilli();
        frame.bind("millis", new Jsonata.JFunction((in, args) -> millis, null));
    }

    private static Object partition(List<?> args) {
        JsonNode array = argument(args, 0, "$partition");
        if (!(array instanceof ArrayNode items)) {
            throw new IllegalArgumentException("$partition expects an array as its first argument");
        }
        return JsonataValues.toJava(Arrays.partition(items, integer(args, 1, "$partition")));
    }

    private static Object range(List<?> args) {
        return JsonataValues.toJava(Arrays.range(
                integer(args, 0, "$range"), integer(args, 1, "$range"), integer(args, 2, "$range"), MAX_RANGE));
    }

    private static Object hash(List<?> args) {
        JsonNode algorithm = argument(args, 1, "$hash");
        if (!algorithm.isTextual()) {
            throw new IllegalArgumentException("$hash expects the algorithm name as its second argument");
        }
        return IntrinsicFunctions.hash(argument(args, 0, "$hash"), algorithm.textValue());
    }

    private Object random(List<?> args) {
        if (args.isEmpty() || args.get(0) == null) {
            synchronized (scope.random()) {
                return scope.random().nextDouble();
            }
        }
        return new Random(integer(args, 0, "$random")).nextDouble();
    }

    private static Object parse(List<?> args) {
        JsonNode text = argument(args, 0, "$parse");
        if (!text.isTextual()) {
            throw new IllegalArgumentException("$parse expects a string");
        }
        try {
            return JsonataValues.toJava(Json.read(text.textValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$parse could not parse its argument: " + e.getOriginalMessage());
        }
    }

    private static JsonNode argument(List<?> args, int index, String function) {
        if (args == null || args.size() <= index || args.get(index) == null) {
            throw new IllegalArgumentException(function + " is missing argument " + (index + 1));
        }
        return JsonataValues.toJson(args.get(index));
    }

    private static int integer(List<?> args, int index, String function) {
        JsonNode value = argument(args, index, function);
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(function + " expects an integer as argument " + (index + 1));
        }
        return value.intValue();
    }
}
