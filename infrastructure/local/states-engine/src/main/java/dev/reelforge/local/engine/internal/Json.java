package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The engine's single ObjectMapper and the serialization rules shared by history and intrinsics. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** AWS payload quota for state input/output, in UTF-8 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Throws States.DataLimitExceeded when {@code node} would exceed the AWS payload quota. */
    public static void checkSize(JsonNode node, String what) {
        if (node == null) {
            return;
        }
        int bytes = write(node).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED,
                    "The " + what + " has " + bytes + " bytes, more than the quota of " + MAX_PAYLOAD_BYTES + " bytes");
        }
    }
}
