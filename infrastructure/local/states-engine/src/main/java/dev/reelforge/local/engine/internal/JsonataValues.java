package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.dashjoin.jsonata.Jsonata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library works on (maps, lists, numbers,
 * strings, booleans, {@link Jsonata#NULL_VALUE} for JSON null). Numbers come back as JavaScript prints them: an
 * integral double is an integer.
 */
final class JsonataValues {
    private JsonataValues() {}

    static Object toJava(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return Jsonata.NULL_VALUE;
    }

    /** @throws IllegalArgumentException for a value JSON cannot hold (a function) */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            map.forEach((key, element) -> object.set(String.valueOf(key), toJson(element)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            list.forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " is not a JSON value");
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return integral(number.longValue());
        }
        if (number instanceof BigInteger || number instanceof BigDecimal) {
            number = number.doubleValue();
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("the number " + d + " is not a JSON value");
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            return integral((long) d);
        }
        return DoubleNode.valueOf(d);
    }

    /** The node Jackson itself reads for this integer, so that results compare equal to parsed JSON. */
    private static JsonNode integral(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
}
