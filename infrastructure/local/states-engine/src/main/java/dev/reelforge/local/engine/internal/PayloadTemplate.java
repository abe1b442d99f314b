package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Parameters, ResultSelector and ItemSelector templates: a field named {@code x.$}
 * becomes {@code x} with the value of its path ({@code $...} on the input, {@code $$...} on the
 * context object, {@code $name...} on a workflow variable) or intrinsic function; nested objects and arrays are processed recursively.
 */
public final class PayloadTemplate {
    private PayloadTemplate() {}

    public static JsonNode evaluate(JsonNode template, PathScope scope, String field) {
        if (template instanceof ObjectNode object) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String key = entry.getKey();
                if (key.endsWith(".$")) {
                    out.set(
                            key.substring(0, key.length() - 2),
                            resolve(key, entry.getValue().asText(), scope, field));
                } else {
                    out.set(key, evaluate(entry.getValue(), scope, field));
                }
            }
            return out;
        }
        if (template instanceof ArrayNode array) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            array.forEach(element -> out.add(evaluate(element, scope, field)));
            return out;
        }
        return template;
    }

    /** Resolves one dynamic value: a path or an intrinsic function call. */
    public static JsonNode resolve(String key, String expression, PathScope scope, String field) {
        if (IntrinsicParser.looksLikeCall(expression)) {
            try {
                return IntrinsicFunctions.evaluate(IntrinsicParser.parse(expression), scope);
            } catch (IllegalArgumentException e) {
                throw new StatesError(StatesError.RUNTIME, e.getMessage());
            }
        }
        JsonNode value = scope.findOrNull(expression, scope.input());
        if (value == null) {
            JsonNode source = scope.source(expression, scope.input());
            throw new StatesError(
                    StatesError.RUNTIME,
                    "The JSONPath '" + expression + "' specified for the field '" + key + "' in " + field
                            + " could not be found in the input '" + Json.write(source) + "'");
        }
        return value;
    }

    /** Problems that make a template invalid at definition time, as messages; empty when valid. */
    public static void validate(JsonNode template, String pointer, List<String> problems) {
        if (template instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> {
                String where = pointer + "/" + entry.getKey();
                if (entry.getKey().endsWith(".$")) {
                    validateDynamic(entry.getValue(), where, problems);
                } else {
                    validate(entry.getValue(), where, problems);
                }
            });
        } else if (template instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                validate(array.get(i), pointer + "/" + i, problems);
            }
        }
    }

    private static void validateDynamic(JsonNode value, String where, List<String> problems) {
        if (!value.isTextual()) {
            problems.add("SCHEMA_VALIDATION_FAILED: The value for a field ending in '.$' must be a string at " + where);
            return;
        }
        String text = value.textValue();
        if (IntrinsicParser.looksLikeCall(text)) {
            try {
                IntrinsicParser.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add("SCHEMA_VALIDATION_FAILED: " + e.getMessage() + " at " + where);
            }
        } else {
            PathSyntax.syntaxError(text)
                    .ifPresent(m -> problems.add("SCHEMA_VALIDATION_FAILED: The value for the field '"
                            + where.substring(where.lastIndexOf('/') + 1)
                            + "' must be a valid JSONPath or a valid intrinsic function call at " + where));
        }
    }
}
