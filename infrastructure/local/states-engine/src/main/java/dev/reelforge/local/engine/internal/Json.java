package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

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

    /**
     * Throws States.DataLimitExceeded when {@code node} would exceed the AWS payload quota. A cheap upper bound of
     * the size comes first (no text is built); only a node that might be over the quota is written out and measured.
     */
    public static void checkSize(JsonNode node, String what) {
        if (node == null || sizeBound(node, MAX_PAYLOAD_BYTES) <= MAX_PAYLOAD_BYTES) {
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
     * At least the UTF-8 length of {@code node} written as compact JSON (a string counts 6 bytes a character, as if
     * every one were a six-byte unicode escape), or some value over {@code limit} once the count passes it or the
     * nesting is deeper than 100 levels (the caller then writes the node out and measures it).
     */
    static long sizeBound(JsonNode node, long limit) {
        return sizeBound(node, limit, 0);
    }

    private static long sizeBound(JsonNode node, long limit, int depth) {
        if (depth > 100) {
            return limit + 1;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                long size = 2;
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                        fields.hasNext() && size <= limit; ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    size += 4 + 6L * field.getKey().length() + sizeBound(field.getValue(), limit, depth + 1);
                }
                yield size;
            }
            case ARRAY -> {
                long size = 2;
                for (int i = 0; i < node.size() && size <= limit; i++) {
                    size += 1 + sizeBound(node.get(i), limit, depth + 1);
                }
                yield size;
            }
            case STRING -> 2 + 6L * node.textValue().length();
            case NUMBER ->
                node.isIntegralNumber() && node.canConvertToLong()
                        ? 20
                        : node.asText().length() + 32;
            case BOOLEAN, NULL -> 5;
            default -> limit + 1;
        };
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
