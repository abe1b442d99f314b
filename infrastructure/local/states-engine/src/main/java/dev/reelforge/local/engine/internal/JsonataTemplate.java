package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSONata-state field (Arguments, Output, Assign, Items, ItemSelector, Condition, …): any JSON value in which every
 * string of the form {@code {% expression %}}, at any depth, is replaced by the expression's value; other values are
 * copied as they are. Expressions are compiled when the definition is parsed, so syntax errors are definition errors.
 */
final class JsonataTemplate {
    private final JsonNode template;
    private final Map<String, JsonataExpression> expressions;

    private JsonataTemplate(JsonNode template, Map<String, JsonataExpression> expressions) {
        this.template = template;
        this.expressions = expressions;
    }

    /** Compiles {@code template}, adding a problem per expression that does not parse. */
    static JsonataTemplate compile(JsonNode template, String pointer, List<String> problems) {
        Map<String, JsonataExpression> expressions = new HashMap<>();
        collect(template, pointer, expressions, problems);
        return new JsonataTemplate(template, Map.copyOf(expressions));
    }

    private static void collect(
            JsonNode node, String pointer, Map<String, JsonataExpression> out, List<String> problems) {
        Optional<String> body = JsonataExpression.body(node);
        if (body.isPresent()) {
            try {
                out.putIfAbsent(node.textValue(), JsonataExpression.compile(body.get()));
            } catch (IllegalArgumentException e) {
                problems.add("SCHEMA_VALIDATION_FAILED: The value '" + node.textValue()
                        + "' is not a valid JSONata expression: " + e.getMessage() + " at " + pointer);
            }
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + e.getKey(), out, problems));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), pointer + "/" + i, out, problems);
            }
        }
    }

    /** The raw template, as written in the definition. */
    JsonNode raw() {
        return template;
    }

    /** True when the whole field is one expression, as {@code "{% $x > 1 %}"}. */
    boolean isExpression() {
        return JsonataExpression.body(template).isPresent();
    }

    JsonNode evaluate(JsonataBindings bindings, String field) {
        return evaluate(template, bindings, field);
    }

    private JsonNode evaluate(JsonNode node, JsonataBindings bindings, String field) {
        JsonataExpression expression = node.isTextual() ? expressions.get(node.textValue()) : null;
        if (expression != null) {
            return expression.evaluate(bindings, field);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                out.set(entry.getKey(), evaluate(entry.getValue(), bindings, field));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            array.forEach(element -> out.add(evaluate(element, bindings, field)));
            return out;
        }
        return node;
    }
}
