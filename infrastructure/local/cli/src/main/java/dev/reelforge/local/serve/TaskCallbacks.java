package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.TaskTokenException;
import dev.reelforge.local.engine.TaskTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat with the API's checks and error types: members are
 * validated as AWS validates them (ValidationException naming the member), a success's {@code output} must be JSON
 * (InvalidOutput), and a refused token answers InvalidToken, TaskTimedOut or TaskDoesNotExist.
 */
final class TaskCallbacks {
    private static final int MAX_TOKEN = 2048;
    private static final int MAX_ERROR = 256;
    private static final int MAX_CAUSE = 32_768;
    private final TaskTokens tokens;
    private final ObjectMapper json;

    TaskCallbacks(TaskTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    void answer(String action, JsonNode request) {
        String token = StepFunctionsApi.text(request, "taskToken");
        within("taskToken", token, MAX_TOKEN);
        try {
            switch (action) {
                case "SendTaskSuccess" -> tokens.succeed(token, output(request));
                case "SendTaskFailure" ->
                    tokens.fail(
                            token,
                            within("error", StepFunctionsApi.optionalText(request, "error"), MAX_ERROR),
                            within("cause", StepFunctionsApi.optionalText(request, "cause"), MAX_CAUSE));
                default -> tokens.heartbeat(token);
            }
        } catch (TaskTokenException e) {
            throw new ApiException(e.reason().errorType(), e.getMessage());
        }
    }

    private JsonNode output(JsonNode request) {
        String output = StepFunctionsApi.text(request, "output");
        if (output.getBytes(StandardCharsets.UTF_8).length > StepFunctionsApi.MAX_INPUT_BYTES) {
            throw tooLong("output", StepFunctionsApi.MAX_INPUT_BYTES);
        }
        try {
            JsonNode parsed = json.readTree(output);
            if (parsed == null || parsed.isMissingNode()) {
                throw new ApiException("InvalidOutput", "Invalid Output: the output is empty, not JSON");
            }
            return parsed;
        } catch (IOException e) {
            throw new ApiException("InvalidOutput", "Invalid Output: the output is not JSON (" + firstLine(e) + ")");
        }
    }

    private static String within(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw tooLong(member, max);
        }
        if (value != null && member.equals("taskToken") && value.isEmpty()) {
            throw new ApiException(
                    "ValidationException",
                    "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1");
        }
        return value;
    }

    private static ApiException tooLong(String member, int max) {
        return new ApiException(
                "ValidationException",
                "1 validation error detected: Value at '" + member + "' failed to satisfy constraint: "
                        + "Member must have length less than or equal to " + max);
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
