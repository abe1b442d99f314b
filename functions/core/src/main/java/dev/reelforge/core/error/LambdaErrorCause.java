package dev.reelforge.core.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code Cause} that Step Functions records for a failed Java Lambda: a JSON document with
 * {@code errorMessage}, {@code errorType} and the stack trace. People are shown the message, never the trace.
 * <pre>{@code
 * LambdaErrorCause.message(json, "{\"errorMessage\":\"prompt too long\"}")  // "prompt too long"
 * }</pre>
 */
public final class LambdaErrorCause {
    private LambdaErrorCause() {}

    /** The cause's {@code errorMessage}; a cause that is not such a document is returned as it is, null as "". */
    public static String message(ObjectMapper json, String cause) {
        if (cause == null) {
            return "";
        }
        try {
            JsonNode parsed = json.readTree(cause);
            if (parsed != null && parsed.hasNonNull("errorMessage")) {
                return parsed.get("errorMessage").asText();
            }
        } catch (JsonProcessingException notJson) {
            return cause;
        }
        return cause;
    }
}
