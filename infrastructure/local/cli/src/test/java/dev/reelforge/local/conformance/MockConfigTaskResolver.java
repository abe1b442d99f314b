package dev.reelforge.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.engine.TaskHandler;
import dev.reelforge.local.engine.TaskTokenException;
import dev.reelforge.local.engine.TaskTokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Test mode for Reelforge's engine: answers every Task from one test case of a {@link MockConfig}, by state name and
 * invocation number, exactly as LocalStack does with {@code SFN_MOCK_CONFIG} — so both engines run on the same task
 * results. The invocation number counts per state over the whole execution (retries, loops and Map iterations
 * share it). A {@code Return} is shaped per resource as Step Functions does with a real response: a bare Lambda
 * function ARN yields the Invoke response's {@code Payload}; {@code lambda:invoke} keeps the Invoke response fields;
 * other integrations return it unchanged. A Lambda response with {@code FunctionError} fails the task with the
 * payload's {@code errorType} as error and the payload as cause, the way Lambda reports a function's exception.
 */
public final class MockConfigTaskResolver implements TaskHandler {
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:.+");
    private static final Set<String> INVOKE_RESPONSE_FIELDS =
            Set.of("StatusCode", "FunctionError", "LogResult", "Payload", "ExecutedVersion");

    private final String testCase;
    private final Map<String, List<MockedResponse>> responses;
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private volatile TaskTokens tokens;

    public MockConfigTaskResolver(String testCase, Map<String, List<MockedResponse>> responses) {
        this.testCase = testCase;
        this.responses = Map.copyOf(responses);
    }

    public static MockConfigTaskResolver of(MockConfig config, String stateMachine, String testCase) {
        return new MockConfigTaskResolver(testCase, config.testCase(stateMachine, testCase));
    }

    @Override
    public JsonNode invoke(String resource, JsonNode input, TaskContext context) throws TaskFailedException {
        String state = context.stateName();
        List<MockedResponse> mocked = responses.get(state);
        if (mocked == null) {
            throw new TaskFailedException(
                    "States.TaskFailed", "Test case " + testCase + " mocks no response for state " + state);
        }
        int invocation =
                invocations.computeIfAbsent(state, s -> new AtomicInteger()).getAndIncrement();
        if (invocation >= mocked.size()) {
            throw new TaskFailedException(
                    "States.TaskFailed",
                    "Test case " + testCase + " mocks " + mocked.size() + " responses for state " + state
                            + "; invocation " + invocation + " has none");
        }
        MockedResponse response = mocked.get(invocation);
        if (response instanceof MockedResponse.Throw thrown) {
            throw new TaskFailedException(thrown.error(), thrown.cause());
        }
        JsonNode result = shaped(resource, ((MockedResponse.Return) response).value());
        if (context.taskToken() != null) {
            answer(context.taskToken(), result);
        }
        return result;
    }

    /**
     * Where a {@code .waitForTaskToken} Task's mocked Return goes: LocalStack's mock mode takes it as both the
     * submission and the Task's result (it records TaskSubmitted, then TaskSucceeded with it, and never waits), so
     * the engine's token is answered with it at once.
     */
    public MockConfigTaskResolver answeringThrough(TaskTokens engineTokens) {
        this.tokens = engineTokens;
        return this;
    }

    private void answer(String token, JsonNode result) throws TaskFailedException {
        if (tokens == null) {
            throw new TaskFailedException(
                    "States.TaskFailed", "a .waitForTaskToken mock needs answeringThrough(engine.tokens())");
        }
        try {
            tokens.succeed(token, result);
        } catch (TaskTokenException e) {
            throw new TaskFailedException("States.TaskFailed", e.getMessage());
        }
    }

    /** How many times each state was invoked so far. */
    public Map<String, Integer> invocations() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        invocations.forEach((state, count) -> counts.put(state, count.get()));
        return Map.copyOf(counts);
    }

    private static JsonNode shaped(String resource, JsonNode value) throws TaskFailedException {
        boolean bareFunction = FUNCTION_ARN.matcher(resource).matches();
        boolean invokeIntegration = resource.equals(LAMBDA_INVOKE) || resource.startsWith(LAMBDA_INVOKE + ".");
        if (!bareFunction && !invokeIntegration) {
            return value.deepCopy();
        }
        if (value.hasNonNull("FunctionError")) {
            JsonNode payload = value.path("Payload");
            throw new TaskFailedException(payload.path("errorType").asText("Exception"), payload.toString());
        }
        if (bareFunction) {
            return value.has("Payload") ? value.get("Payload").deepCopy() : NullNode.getInstance();
        }
        ObjectNode response = value.deepCopy();
        response.retain(INVOKE_RESPONSE_FIELDS);
        return response;
    }
}
