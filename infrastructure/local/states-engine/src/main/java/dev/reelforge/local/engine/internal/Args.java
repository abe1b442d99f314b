package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Typed, arity-checked access to evaluated intrinsic arguments with AWS-style failure messages. */
record Args(String function, List<JsonNode> values) {

    Args arity(int expected) {
        if (values.size() != expected) {
            throw IntrinsicFunctions.failure(function + " takes " + expected + " argument(s) but got " + values.size());
        }
        return this;
    }

    JsonNode get(int index) {
        return values.get(index);
    }

    String text(int index) {
        JsonNode value = values.get(index);
        if (!value.isTextual()) {
            throw typeError(index, "a string");
        }
        return value.textValue();
    }

    String limited(int index, int maxLength) {
        String text = text(index);
        if (text.length() > maxLength) {
            throw IntrinsicFunctions.failure(function + " input exceeds " + maxLength + " characters");
        }
        return text;
    }

    int integer(int index) {
        JsonNode value = values.get(index);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw typeError(index, "an integer");
        }
        return value.intValue();
    }

    /** A number as an integer, its fraction dropped, as AWS's States.MathAdd reads its operands. */
    int truncated(int index) {
        JsonNode value = values.get(index);
        if (!value.isNumber() || value.doubleValue() > Integer.MAX_VALUE || value.doubleValue() < Integer.MIN_VALUE) {
            throw typeError(index, "an integer");
        }
        return (int) value.doubleValue();
    }

    boolean bool(int index) {
        JsonNode value = values.get(index);
        if (!value.isBoolean()) {
            throw typeError(index, "a boolean");
        }
        return value.booleanValue();
    }

    ArrayNode array(int index) {
        if (values.get(index) instanceof ArrayNode array) {
            return array;
        }
        throw typeError(index, "an array");
    }

    ObjectNode object(int index) {
        if (values.get(index) instanceof ObjectNode object) {
            return object;
        }
        throw typeError(index, "an object");
    }

    private StatesError typeError(int index, String expected) {
        return IntrinsicFunctions.failure(function + " argument " + (index + 1) + " must be " + expected + " but was "
                + Json.write(values.get(index)));
    }
}
