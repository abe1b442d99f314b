package dev.reelforge.local.engine.internal;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library works on (maps, lists, numbers,
 * strings, booleans, {@link Jsonata#NULL_VALUE} for JSON null), reading Jackson objects and arrays through views. Numbers come back as JavaScript prints them: an
 * integral double is an integer.
 */
final class JsonataValues {
    private JsonataValues() {}

    /**
     * The Java view of {@code node}. Objects and arrays are read-only views converted as the expression reads them,
     * so that {@code $states.context} (which holds the whole execution input) or a large input costs only what an
     * expression touches.
     */
    static Object toJava(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return new ObjectView(object);
        }
        if (node instanceof ArrayNode array) {
            return new ArrayView(array);
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

    /** A JSON object as a read-only map. */
    private static final class ObjectView extends AbstractMap<String, Object> {
        private final ObjectNode node;

        ObjectView(ObjectNode node) {
            this.node = node;
        }

        @Override
        public Object get(Object key) {
            JsonNode value = key instanceof String name ? node.get(name) : null;
            return value == null ? null : toJava(value);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && node.has(name);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            node.fields()
                    .forEachRemaining(
                            field -> entries.add(new SimpleImmutableEntry<>(field.getKey(), toJava(field.getValue()))));
            return Collections.unmodifiableSet(entries);
        }
    }

    /** A JSON array as a read-only list. */
    private static final class ArrayView extends AbstractList<Object> implements RandomAccess {
        private final ArrayNode node;

        ArrayView(ArrayNode node) {
            this.node = node;
        }

        @Override
        public Object get(int index) {
            return toJava(node.get(index));
        }

        @Override
        public int size() {
            return node.size();
        }
    }

    /** @throws IllegalArgumentException for a value JSON cannot hold (a function) */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof ObjectView view) {
            return view.node;
        }
        if (value instanceof ArrayView view) {
            return view.node;
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
