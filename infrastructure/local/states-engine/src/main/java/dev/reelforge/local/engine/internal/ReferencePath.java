package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Reference Path ({@code $.a.b}, {@code $['a'][0]}) that identifies a single node; used to
 * write a result into the state input for ResultPath.
 */
public final class ReferencePath {
    private final String text;
    private static final Map<String, ReferencePath> PARSED = new ConcurrentHashMap<>();
    private final List<Object> segments;

    private ReferencePath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException when {@code text} is not a Reference Path */
    public static ReferencePath parse(String text) {
        ReferencePath cached = text == null ? null : PARSED.get(text);
        if (cached != null) {
            return cached;
        }
        ReferencePath parsed = parseText(text);
        if (PARSED.size() < 10_000) {
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static ReferencePath parseText(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("'" + text + "' is not a Reference Path");
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.contains("*") || name.contains("@")) {
                    throw new IllegalArgumentException("'" + text + "' is not a Reference Path");
                }
                segments.add(name);
                i = end;
            } else if (c == '[') {
                int close = closingBracket(text, i);
                String inner = text.substring(i + 1, close).trim();
                if (inner.length() >= 2
                        && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    segments.add(inner.substring(1, inner.length() - 1));
                } else if (inner.matches("\\d+")) {
                    segments.add(Integer.valueOf(inner));
                } else {
                    throw new IllegalArgumentException("'" + text + "' is not a Reference Path");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("'" + text + "' is not a Reference Path");
            }
        }
        return new ReferencePath(text, List.copyOf(segments));
    }

    private static int closingBracket(String text, int open) {
        Character quote = null;
        for (int j = open + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (quote != null) {
                if (c == quote) {
                    quote = null;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return j;
            }
        }
        throw new IllegalArgumentException("'" + text + "' has an unclosed bracket");
    }

    /**
     * Returns a copy of {@code input} with {@code value} placed at this path, creating missing
     * object fields on the way, as ResultPath does. Only the objects and arrays on the path are copied; the rest is
     * shared with {@code input}, which the engine never mutates.
     */
    public JsonNode write(JsonNode input, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode root = shallowCopy(input);
        JsonNode current = root;
        for (int k = 0; k < segments.size(); k++) {
            Object segment = segments.get(k);
            boolean last = k == segments.size() - 1;
            if (segment instanceof String field && current instanceof ObjectNode object) {
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode child = object.get(field);
                    child = child == null || child.isNull() ? Json.object() : shallowCopy(child);
                    object.set(field, child);
                    current = child;
                }
            } else if (segment instanceof Integer index && current instanceof ArrayNode array && index < array.size()) {
                if (last) {
                    array.set(index, value);
                } else {
                    JsonNode child = shallowCopy(array.get(index));
                    array.set(index, child);
                    current = child;
                }
            } else {
                throw new StatesError(
                        StatesError.RESULT_PATH_MATCH_FAILURE,
                        "Unable to apply ResultPath \"" + text + "\" to input " + Json.write(input));
            }
        }
        return root;
    }

    private static JsonNode shallowCopy(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return Json.object().setAll(object);
        }
        if (node instanceof ArrayNode array) {
            return Json.MAPPER.createArrayNode().addAll(array);
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
