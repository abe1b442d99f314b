package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.RequestBoundary;
import dev.reelforge.handlers.ValidateHandler;
import dev.reelforge.local.engine.VirtualClock;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalTaskResolver;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.wiring.Services;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reelforge serve}'s Step Functions endpoint decodes whatever arrives: every action and body ends in a 200 or
 * an AWS-shaped 4xx ({@code __type}, a message that is no stack trace), never a 500. An execution it starts runs the
 * deployed Validate state (its Parameters, ResultPath and Catch, on the real {@link ValidateHandler}) and ends
 * accepted or rejected by name, the rejection naming a field of the request ({@link RequestBoundary}), never in the
 * catch-all. Each input is readable: the first line is the action (after {@code AWSStepFunctions.}), the rest the
 * body ({@code StepFunctionsApiFuzzTestInputs}). The machine is EXPRESS, so an execution ends before the call returns.
 */
class StepFunctionsApiFuzzTest {
    private static final ObjectMapper JSON = Services.objectMapper();
    private static final String ROLE = "arn:aws:iam::000000000000:role/reelforge-local";
    private static final String CATCH_ALL = "MarkFailed";
    /**
     * Jackson's default nesting limit. The Validate function reads its state with it, and its state wraps the
     * execution input one level deeper, so an input nested 1,000 levels ends in the catch-all, on AWS as here (see
     * BENCHMARKS.md, "Bad input": left as it is).
     */
    private static final int READABLE_DEPTH = 1000;

    private static final RequestBoundary BOUNDARY = new RequestBoundary();
    private static final RecordingHandler VALIDATE = new RecordingHandler(new ValidateHandler(services()));
    private static final LocalTaskResolver TASKS = new LocalTaskResolver(
            Map.of(Definitions.FUNCTIONS.get("ValidateFunctionArn"), VALIDATE),
            environment -> {
                throw new IllegalStateException("the Validate-only machine runs no media task");
            },
            JSON);
    private static final String DEFINITION = validateOnly();

    @FuzzTest(maxDuration = "3m")
    void answer_anyActionAndBody_isA200OrAnAwsErrorAndRejectsByName(byte[] input) throws IOException {
        int newline = indexOf(input, (byte) '\n');
        String action = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        VALIDATE.forget();

        AwsJsonProtocol.Answer answer;
        try (LocalExecutions executions = new LocalExecutions(
                nested -> TASKS,
                new VirtualClock(RequestBoundary.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC)),
                JSON)) {
            executions.create(LocalWorkflow.RENDER_MACHINE, DEFINITION, ROLE, "EXPRESS");
            answer = new AwsJsonProtocol(new StepFunctionsApi(executions, JSON), JSON)
                    .answer("POST", "AWSStepFunctions." + action, new ByteArrayInputStream(body));
        }

        JsonNode reply = JSON.readTree(answer.body());
        assertThat(answer.status()).as("%s", reply).isIn(200, 400);
        if (answer.status() == 400) {
            assertThat(reply.path("__type").asText()).isNotBlank().isEqualTo(answer.errorType());
            RequestBoundary.assertNotAStackTrace(
                    reply.path("message").asText(), null, new String(input, StandardCharsets.UTF_8));
        } else if (action.equals("StartSyncExecution")) {
            assertThat(reply.path("status").asText()).as("%s", reply).isIn("SUCCEEDED", "FAILED");
            if (reply.path("error").asText("").equals(CATCH_ALL)) {
                assertThat(depth(JSON.readTree(reply.path("input").asText())) + 1)
                        .as("only a state too deep for Validate to read ends in the catch-all: %s", reply.path("cause"))
                        .isGreaterThan(READABLE_DEPTH);
            }
        }
        VALIDATE.judge();
    }

    /** Levels of arrays and objects; a scalar is 0. */
    private static int depth(JsonNode root) {
        int deepest = 0;
        Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>(List.of(Map.entry(root, 0)));
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            if (next.getKey().isContainerNode()) {
                int level = next.getValue() + 1;
                deepest = Math.max(deepest, level);
                next.getKey().forEach(child -> pending.push(Map.entry(child, level)));
            }
        }
        return deepest;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The deployed Validate state, its successor and both Catch targets stubbed: the catch-all fails, the rest succeed. */
    private static String validateOnly() {
        try {
            JsonNode render = JSON.readTree(
                    Definitions.substitute(Definitions.load("render.asl.json"), Definitions.localSubstitutions()));
            JsonNode validate = render.path("States").path("Validate");
            ObjectNode machine = JSON.createObjectNode().put("StartAt", "Validate");
            ObjectNode states = machine.putObject("States");
            states.set("Validate", validate);
            states.putObject(validate.get("Next").asText()).put("Type", "Succeed");
            validate.path("Catch")
                    .forEach(c -> states.putObject(c.get("Next").asText()).put("Type", "Succeed"));
            states.putObject(CATCH_ALL)
                    .put("Type", "Fail")
                    .put("Error", CATCH_ALL)
                    .put("Cause", "Validate failed unnamed");
            return JSON.writeValueAsString(machine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validate with the animatic offered (its adapter is never called) and jobs in memory. Only Validate runs, so no
     * job ever ends and an execution name seen in an earlier input changes nothing.
     */
    private static Services services() {
        VideoProvider animatic = new VideoProvider() {
            @Override
            public String name() {
                return "animatic";
            }

            @Override
            public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
                throw new UnsupportedOperationException("Validate never submits");
            }

            @Override
            public ProviderJob poll(String providerJobId) {
                throw new UnsupportedOperationException("Validate never polls");
            }

            @Override
            public void download(String providerJobId, Path target) {
                throw new UnsupportedOperationException("Validate never downloads");
            }
        };
        PromptCache noCache = new PromptCache() {
            @Override
            public Optional<CacheEntry> find(String cacheKey) {
                return Optional.empty();
            }

            @Override
            public boolean put(CacheEntry entry) {
                throw new UnsupportedOperationException("Validate never caches");
            }
        };
        return new Services(
                JSON,
                new DirectoryClipStore(Path.of("target/fuzz-bucket")),
                new InMemoryJobStore(),
                noCache,
                Map.of("animatic", animatic),
                CapabilityCatalog.bundled(JSON),
                Path.of("target"),
                Clock.fixed(RequestBoundary.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** The deployed ValidateHandler, remembering what it was given and what it threw, for {@link #judge()}. */
    private static final class RecordingHandler implements RequestStreamHandler {
        private final RequestStreamHandler handler;
        private JsonNode payload;
        private Throwable thrown;
        private int calls;

        RecordingHandler(RequestStreamHandler handler) {
            this.handler = handler;
        }

        void forget() {
            payload = null;
            thrown = null;
            calls = 0;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] bytes = input.readAllBytes();
            payload = JSON.readTree(bytes);
            calls++;
            try {
                handler.handleRequest(new ByteArrayInputStream(bytes), output, context);
            } catch (RuntimeException | Error e) {
                thrown = e;
                throw e;
            }
        }

        /**
         * Validate read the execution input's {@code request} (or {@code requestText}) as the parser and validator
         * alone would: the same acceptance, or the same rejection by name; neither member is a rejection of
         * {@code request}.
         */
        void judge() {
            assertThat(calls).as("Validate runs once per execution").isLessThanOrEqualTo(1);
            if (calls == 0) {
                return;
            }
            JsonNode input = payload.path("input");
            if (input.hasNonNull("request") || input.path("requestText").isTextual()) {
                String text = input.hasNonNull("request")
                        ? ""
                        : input.get("requestText").asText();
                JsonNode document = input.hasNonNull("request") ? input.get("request") : BOUNDARY.documentOf(text);
                RenderRequest alone = input.hasNonNull("request") ? BOUNDARY.check(document) : BOUNDARY.check(text);
                assertThat(alone != null)
                        .as("Validate accepts what the parser and validator accept")
                        .isEqualTo(thrown == null);
                if (thrown != null) {
                    RequestBoundary.assertNamedRejection(thrown, document, text);
                }
            } else {
                assertThat(thrown)
                        .isInstanceOfSatisfying(
                                InvalidRequestException.class,
                                e -> assertThat(e.problems())
                                        .extracting(p -> p.field())
                                        .containsExactly("request"));
            }
        }
    }
}
