package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** The array intrinsics (States.Array*), kept apart from the dispatcher for readability. */
final class Arrays {
    private Arrays() {}

    static ArrayNode partition(ArrayNode array, int size) {
        if (size <= 0) {
            throw IntrinsicFunctions.failure("States.ArrayPartition chunk size must be positive");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(array.get(i));
        }
        return out;
    }

    static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (sameValue(element, value)) {
                return true;
            }
        }
        return false;
    }

    static ArrayNode range(int start, int end, int step, int maxSize) {
        if (step == 0) {
            throw IntrinsicFunctions.failure("States.ArrayRange step must not be 0");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            if (out.size() == maxSize) {
                throw IntrinsicFunctions.failure("States.ArrayRange would produce more than " + maxSize + " items");
            }
            out.add((int) i);
        }
        return out;
    }

    static JsonNode item(ArrayNode array, int index) {
        if (index < 0 || index >= array.size()) {
            throw IntrinsicFunctions.failure("States.ArrayGetItem index " + index + " is out of bounds");
        }
        return array.get(index);
    }

    static ArrayNode unique(ArrayNode array) {
        List<JsonNode> seen = new ArrayList<>();
        for (JsonNode element : array) {
            if (seen.stream().noneMatch(s -> sameValue(s, element))) {
                seen.add(element);
            }
        }
        return Json.MAPPER.createArrayNode().addAll(seen);
    }

    /** JSON equality where 1, 1L and 1.0 are the same number. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
