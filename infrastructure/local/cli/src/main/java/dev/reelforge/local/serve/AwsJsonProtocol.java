package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.0 protocol of {@link StepFunctionsApi} apart from the HTTP server, so that a fuzz test can drive
 * it directly: {@code X-Amz-Target: AWSStepFunctions.<Action>} and a JSON object body in; a 200 with the action's
 * answer, or a 4xx with {@code __type} and {@code message} out. An unexpected failure is a 500
 * {@code InternalServerError}. Thread-safe.
 */
final class AwsJsonProtocol {
    private static final Logger log = LoggerFactory.getLogger(AwsJsonProtocol.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    /** Larger than any request AWS accepts (a definition is at most 1 MiB, an input 256 KiB), small enough to hold. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final StepFunctionsApi api;
    private final ObjectMapper json;

    AwsJsonProtocol(StepFunctionsApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /**
     * What one call answers: the target's action on the decoded body, or an AWS-shaped error. A body over
     * {@value #MAX_BODY_BYTES} bytes is read to its end and dropped, never held.
     */
    Answer answer(String method, String target, InputStream body) throws IOException {
        if (!"POST".equals(method) || target == null || !target.startsWith(TARGET_PREFIX)) {
            return error(
                    400, "UnknownOperationException", "expected POST with X-Amz-Target: AWSStepFunctions.<Action>");
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            body.transferTo(OutputStream.nullOutputStream());
            return error(
                    413,
                    "RequestEntityTooLargeException",
                    "the request body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
        }
        String action = target.substring(TARGET_PREFIX.length());
        JsonNode request;
        try {
            request = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            return error(400, "SerializationException", "the request body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return error(400, "SerializationException", "the request body must be a JSON object");
        }
        try {
            return new Answer(200, null, json.writeValueAsBytes(api.call(action, request)));
        } catch (ApiException e) {
            return error(400, e.type(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{} failed", action, e);
            return error(500, "InternalServerError", String.valueOf(e.getMessage()));
        }
    }

    private Answer error(int status, String type, String message) throws IOException {
        return new Answer(
                status,
                type,
                json.writeValueAsBytes(
                        json.createObjectNode().put("__type", type).put("message", message)));
    }

    /** An answer: its status, its body and, for an error, its type, which AWS also sends in {@code x-amzn-ErrorType}. */
    record Answer(int status, String errorType, byte[] body) {}
}
