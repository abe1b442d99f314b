package dev.reelforge.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every Reelforge Lambda: JSON in, JSON out, with our own Jackson setup (records, no unknown-field
 * surprises) rather than the runtime's POJO serializer. Exceptions propagate untouched, so the Lambda runtime
 * reports the exception's class name as {@code errorType} and the state machine's Retry/Catch match on it.
 */
public abstract class JsonHandler implements RequestStreamHandler {
    private final ObjectMapper json;

    protected JsonHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = json.readTree(input);
        Object result = handle(request == null ? json.nullNode() : request);
        json.writeValue(output, result);
    }

    /** Reads a field of the state input as a record; a missing field is a wiring bug in the ASL, not user input. */
    protected final <T> T field(JsonNode input, String name, Class<T> type) {
        JsonNode node = input.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("state input lacks '" + name + "'; check the Parameters in the ASL");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    protected final ObjectMapper json() {
        return json;
    }

    protected abstract Object handle(JsonNode input);
}
