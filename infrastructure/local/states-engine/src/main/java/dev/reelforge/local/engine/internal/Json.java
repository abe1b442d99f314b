package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The engine's single ObjectMapper and the serialization rules shared by history and intrinsics. */
public final class Json {
    /**
     * Writes what it is given, however it was nested: a Task's Parameters wrap the state a level or more deeper
     * than the input the caller could read (Jackson reads 1,000 levels), and recording that in the history must not
     * fail the execution. Nesting still comes only from a read input and the definition, so the writer's recursion
     * stays shallow.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(
                    StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
            .build());
    /** AWS payload quota for state input/output, in UTF-8 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private static final ThreadLocal<Object[]> RECENT = ThreadLocal.withInitial(() -> new Object[2]);

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
        String text = writeRecent(node);
        if (text.length() <= MAX_PAYLOAD_BYTES / 3) {
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new StatesError(
                    StatesError.DATA_LIMIT_EXCEEDED,
                    "The " + what + " has " + bytes + " bytes, more than the quota of " + MAX_PAYLOAD_BYTES + " bytes");
        }
    }

    /**
     * {@link #write}, reusing this thread's last text when it was for this very node: a state's output is measured,
     * then recorded in StateExited, then recorded again as the next state's input in StateEntered, with no state logic
     * in between. The engine never mutates a node after it has become a state's input or output.
     */
    static String writeRecent(JsonNode node) {
        Object[] last = RECENT.get();
        if (last[0] == node) {
            return (String) last[1];
        }
        String text = write(node);
        last[0] = node;
        last[1] = text;
        return text;
    }
}
