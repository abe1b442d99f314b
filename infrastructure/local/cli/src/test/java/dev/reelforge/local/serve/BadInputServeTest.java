package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.badinput.BadInputCorpus;
import dev.reelforge.local.badinput.BadInputCorpus.BadRequest;
import dev.reelforge.local.badinput.CapturedStreams;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult.Status;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus against {@code reelforge serve}'s Step Functions endpoint on the real local stack, over raw
 * HTTP so that nothing an SDK would refuse to send is left out: StartExecution with each bad request as the
 * execution's request (the execution must end {@code Reelforge.RequestRejected} naming the field, its job recorded
 * REJECTED), each bad text as the raw execution input, bad execution names, every bad text as the whole HTTP body,
 * wrong member types, wrong content types, methods and targets, an input over 256 KiB, bodies of 5 and 64 MiB, a
 * body nested 100,000 deep and bytes that are not UTF-8. (An input that is JSON but not an object starts an execution
 * that fails, as on AWS, at the Validate state's Catch: its ResultPath cannot merge into a non-object; no job is
 * opened.) Every answer is a 200 or an AWS-shaped 4xx
 * ({@code __type} and {@code x-amzn-ErrorType}), never a 5xx, never a stack trace; the server answers afterwards,
 * and nothing lands outside the data directory or outside the tenant's prefix in the bucket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat [\\w.$/]+\\(|Caused by: |\\bat java\\.|\\bat dev\\.reelforge\\.");
    private static final Pattern TENANT_KEY = Pattern.compile("^(clips|outputs|jobs)/demo/[A-Za-z0-9._-]+/.+");
    private static final String TARGET = "AWSStepFunctions.";
    private static final String MISSING_MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:no-such-machine";

    @TempDir
    static Path root;

    private static Path data;
    private static LocalAwsStack stack;
    private static LocalServe serve;
    private static HttpClient http;
    private static final Map<String, Integer> counts = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectory(root.resolve("data"));
        stack = LocalAwsStack.start(data);
        serve = LocalServe.start(stack, data, 0, EngineClock.system());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws IOException {
        serve.close();
        stack.close();
        System.err.printf(
                "bad input, reelforge serve: %s, %d in all%n",
                counts, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    record Answer(int status, String type, String body) {}

    private static Answer post(String action, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.endpoint() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (action != null) {
            request.header("X-Amz-Target", action);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("x-amzn-ErrorType").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Answer startExecution(ObjectNode body) throws IOException {
        return post(TARGET + "StartExecution", "application/x-amz-json-1.0", JSON.writeValueAsBytes(body));
    }

    private static ObjectNode start(String name, String input) {
        ObjectNode body = JSON.createObjectNode()
                .put("stateMachineArn", LocalServe.RENDER_ARN)
                .put("input", input);
        return name == null ? body : body.put("name", name);
    }

    /** A 200, or a 4xx with the AWS error shape; never a 5xx, never a stack trace. */
    private static void assertAwsShaped(SoftAssertions softly, String what, Answer answer) {
        softly.assertThat(answer.status()).as("%s: %s", what, answer.body()).isIn(200, 400, 413);
        softly.assertThat(STACK_TRACE.matcher(answer.body()).find())
                .as("%s: stack trace in %s", what, answer.body())
                .isFalse();
        if (answer.status() != 200) {
            JsonNode error = readOrNull(answer.body());
            softly.assertThat(error)
                    .as("%s: a JSON error document: %s", what, answer.body())
                    .isNotNull();
            if (error != null) {
                softly.assertThat(error.path("__type").asText())
                        .as(what)
                        .isNotBlank()
                        .isEqualTo(answer.type());
                softly.assertThat(error.path("message").asText()).as(what).isNotBlank();
            }
        }
    }

    private static void count(String kind, int n) {
        counts.merge(kind, n, Integer::sum);
    }

    @Test
    @Order(1)
    void startExecution_badRequests_endRejectedNamingTheFieldWithTheJobRecorded() throws Exception {
        List<BadRequest> corpus = BadInputCorpus.requests();
        List<BadRequest> sent = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try (CapturedStreams streams = CapturedStreams.start()) {
            for (int i = 0; i < corpus.size(); i++) {
                BadRequest request = corpus.get(i);
                if (!BadInputCorpus.extreme(request) && i % 8 != 0) {
                    continue;
                }
                Answer answer =
                        startExecution(start("bad-" + i, JSON.writeValueAsString(executionInput(request.text()))));
                assertAwsShaped(softly, request.name(), answer);
                softly.assertThat(answer.status())
                        .as("%s: %s", request.name(), answer.body())
                        .isEqualTo(200);
                if (answer.status() == 200) {
                    sent.add(request);
                    arns.add(JSON.readTree(answer.body()).path("executionArn").asText());
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                BadRequest request = sent.get(i);
                LocalExecution execution = serve.executions().execution(arns.get(i));
                assertThat(execution.awaitEnd(2, TimeUnit.MINUTES))
                        .as(request.name())
                        .isTrue();
                softly.assertThat(execution.status()).as(request.name()).isEqualTo(Status.FAILED);
                softly.assertThat(execution.error())
                        .as("%s: %s", request.name(), execution.cause())
                        .isEqualTo("Reelforge.RequestRejected");
                String message = readOrNull(execution.cause()) == null
                        ? ""
                        : readOrNull(execution.cause()).path("errorMessage").asText();
                softly.assertThat(request.isNamedIn(message, UnaryOperator.identity()))
                        .as("%s: the cause names one of %s: %s", request.name(), request.fields(), message)
                        .isTrue();
                JobRecord job = stack.jobStore().find(execution.name).orElse(null);
                softly.assertThat(job).as("%s: job recorded", request.name()).isNotNull();
                if (job != null) {
                    softly.assertThat(job.status()).as(request.name()).isEqualTo(JobStatus.REJECTED);
                    softly.assertThat(job.reason()).as(request.name()).isEqualTo(message);
                    softly.assertThat(job.tenant()).as(request.name()).isIn("demo", "unknown");
                }
            }
            softly.assertThat(STACK_TRACE.matcher(streams.text()).find())
                    .as("logged a stack trace:%n%s", streams.text())
                    .isFalse();
        }
        softly.assertAll();
        count("executions rejected", sent.size());
    }

    @Test
    @Order(2)
    void startExecution_badInputsNamesAndMembers_answerAwsErrorsOrEndFailed() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<String> started = new ArrayList<>();
        try (CapturedStreams streams = CapturedStreams.start()) {
            int raw = 0;
            for (BadRequest request : BadInputCorpus.requests()) {
                if (readOrNull(request.text()) != null || request.text().isBlank()) {
                    continue;
                }
                Answer answer = startExecution(start("raw-" + raw++, request.text()));
                assertAwsShaped(softly, request.name(), answer);
                softly.assertThat(answer.type()).as(request.name()).isEqualTo("InvalidExecutionInput");
            }
            count("raw inputs that are not JSON", raw);

            List<String> names = badNames();
            for (String name : names) {
                Answer answer = startExecution(start(name, "{}"));
                assertAwsShaped(softly, "name " + name, answer);
                softly.assertThat(answer.type()).as("name %s", name).isEqualTo("InvalidName");
            }
            count("execution names", names.size());

            List<ObjectNode> members = List.of(
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("input", "x".repeat(StepFunctionsApi.MAX_INPUT_BYTES + 1)),
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("input", "{\"requestText\":\"" + "ｘ".repeat(90_000) + "\"}"),
                    (ObjectNode) JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .set("input", JSON.createObjectNode()),
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("input", 42),
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("name", 7)
                            .put("input", "{}"),
                    (ObjectNode) JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .set("name", JSON.createArrayNode()),
                    JSON.createObjectNode().put("input", "{}"),
                    JSON.createObjectNode().put("stateMachineArn", 5),
                    JSON.createObjectNode().put("stateMachineArn", MISSING_MACHINE),
                    JSON.createObjectNode()
                            .put("stateMachineArn", "arn:aws:states:us-east-1:000000000000:stateMachine:../../render"),
                    JSON.createObjectNode().put("stateMachineArn", "../../../etc/passwd"),
                    JSON.createObjectNode()
                            .put("stateMachineArn", "arn:aws:states:us-east-1:000000000000:stateMachine:\u202erender"),
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("input", "{\"a\":" + "[".repeat(20_000)),
                    JSON.createObjectNode()
                            .put("stateMachineArn", LocalServe.RENDER_ARN)
                            .put("input", "[".repeat(1500) + "]".repeat(1500)));
            for (ObjectNode body : members) {
                String what =
                        body.toString().length() > 120 ? body.toString().substring(0, 120) + "…" : body.toString();
                Answer answer = startExecution(body);
                assertAwsShaped(softly, what, answer);
                softly.assertThat(answer.status())
                        .as("%s: %s", what, answer.body())
                        .isEqualTo(400);
            }
            count("wrong members", members.size());

            List<String> inputs = List.of(
                    "42",
                    "\"text\"",
                    "[]",
                    "null",
                    "true",
                    "{}",
                    "{\"request\":42}",
                    "{\"request\":[]}",
                    "{\"requestText\":{}}",
                    "[".repeat(900) + "]".repeat(900));
            for (String input : inputs) {
                Answer answer = startExecution(start(null, input));
                assertAwsShaped(softly, "input " + input, answer);
                softly.assertThat(answer.status())
                        .as("input %s: %s", input, answer.body())
                        .isEqualTo(200);
                if (answer.status() == 200) {
                    started.add(
                            JSON.readTree(answer.body()).path("executionArn").asText());
                }
            }
            count("inputs that are JSON but no request", inputs.size());
            for (String arn : started) {
                LocalExecution execution = serve.executions().execution(arn);
                assertThat(execution.awaitEnd(2, TimeUnit.MINUTES)).as(arn).isTrue();
                String what = execution.input + ": " + execution.error() + ": " + execution.cause();
                softly.assertThat(execution.status()).as(what).isEqualTo(Status.FAILED);
                JobRecord job = stack.jobStore().find(execution.name).orElse(null);
                if (readOrNull(execution.input).isObject()) {
                    softly.assertThat(execution.error()).as(what).isEqualTo("Reelforge.RequestRejected");
                    softly.assertThat(job)
                            .as(what)
                            .isNotNull()
                            .extracting(JobRecord::status)
                            .isEqualTo(JobStatus.REJECTED);
                } else {
                    softly.assertThat(job).as("%s: no job left open", what).isNull();
                }
            }
            softly.assertThat(STACK_TRACE.matcher(streams.text()).find())
                    .as("logged a stack trace:%n%s", streams.text())
                    .isFalse();
        }
        softly.assertAll();
    }

    @Test
    @Order(3)
    void anyAction_badBodiesAndProtocol_answerAwsErrorsAndTheServerStaysUp() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        try (CapturedStreams streams = CapturedStreams.start()) {
            List<BadRequest> corpus = BadInputCorpus.requests();
            for (BadRequest request : corpus) {
                Answer answer = post(TARGET + "StartExecution", "application/x-amz-json-1.0", request.bytes());
                assertAwsShaped(softly, "body " + request.name(), answer);
                softly.assertThat(answer.status())
                        .as("body %s: %s", request.name(), answer.body())
                        .isEqualTo(400);
            }
            count("request texts as the whole body", corpus.size());

            byte[] missingMachine = JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("stateMachineArn", MISSING_MACHINE)
                    .put("input", "{}"));
            List<String> contentTypes = Arrays.asList(
                    null,
                    "",
                    "text/plain",
                    "application/json",
                    "application/xml",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "application/x-amz-json-1.1",
                    "application/x-amz-json-1.0; charset=\u00ff\u202e",
                    "../../etc/passwd",
                    "\u001b[2J");
            for (String type : contentTypes) {
                Answer answer = RawHttp.post(serve.endpoint(), TARGET + "StartExecution", type, missingMachine);
                assertAwsShaped(softly, "content type " + type, answer);
                softly.assertThat(answer.type()).as("content type %s", type).isEqualTo("StateMachineDoesNotExist");
            }
            count("content types", contentTypes.size());

            List<String> targets = Arrays.asList(
                    null,
                    "",
                    "AWSStepFunctions",
                    TARGET,
                    TARGET + "Nope",
                    TARGET + "../../StartExecution",
                    TARGET + "StartExecution\u202e",
                    "AWSStepFunctions.StartExecution ",
                    "DynamoDB_20120810.PutItem",
                    TARGET + "\u0000");
            for (String target : targets) {
                Answer answer = RawHttp.post(serve.endpoint(), target, "application/x-amz-json-1.0", missingMachine);
                assertAwsShaped(softly, "target " + target, answer);
                softly.assertThat(answer.type())
                        .as("target %s", target)
                        .isIn("UnknownOperationException", "StateMachineDoesNotExist");
            }
            count("targets", targets.size());

            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                Answer answer = send(HttpRequest.newBuilder(URI.create(serve.endpoint() + "/../../etc/passwd"))
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(missingMachine))
                        .header("X-Amz-Target", TARGET + "StartExecution")
                        .build());
                assertAwsShaped(softly, method, answer);
                softly.assertThat(answer.type()).as(method).isEqualTo("UnknownOperationException");
            }
            count("methods", 5);

            Random random = new Random(BadInputCorpus.SEED);
            byte[] notUtf8 = new byte[4096];
            random.nextBytes(notUtf8);
            notUtf8[0] = '{';
            List<byte[]> bodies = List.of(
                    notUtf8,
                    new byte[] {(byte) 0xc3, (byte) 0x28},
                    "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII),
                    ("{\"stateMachineArn\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}")
                            .getBytes(StandardCharsets.US_ASCII),
                    new byte[64 * 1024 * 1024],
                    "{}".getBytes(StandardCharsets.US_ASCII),
                    "[]".getBytes(StandardCharsets.US_ASCII));
            for (byte[] body : bodies) {
                Answer answer = post(TARGET + "StartExecution", "application/x-amz-json-1.0", body);
                assertAwsShaped(softly, "body of " + body.length + " bytes", answer);
                softly.assertThat(answer.status())
                        .as("body of %d bytes: %s", body.length, answer.body())
                        .isEqualTo(body.length > AwsJsonProtocol.MAX_BODY_BYTES ? 413 : 400);
            }
            count("odd bodies", bodies.size());

            for (String action : List.of(
                    "DescribeExecution",
                    "GetExecutionHistory",
                    "StopExecution",
                    "ListExecutions",
                    "DeleteStateMachine")) {
                for (String arn : List.of(
                        "../../x",
                        "arn:aws:states:us-east-1:000000000000:execution:reelforge-render:../../x",
                        "arn:aws:states:us-east-1:000000000000:execution:reelforge-render:\u202e\u0000")) {
                    String member = action.equals("ListExecutions") || action.equals("DeleteStateMachine")
                            ? "stateMachineArn"
                            : "executionArn";
                    Answer answer = post(
                            TARGET + action,
                            "application/x-amz-json-1.0",
                            JSON.writeValueAsBytes(JSON.createObjectNode()
                                    .put(member, arn)
                                    .put("nextToken", "../x")
                                    .put("maxResults", -1)));
                    assertAwsShaped(softly, action + " " + arn, answer);
                    softly.assertThat(answer.status())
                            .as("%s %s: %s", action, arn, answer.body())
                            .isIn(200, 400);
                }
            }
            count("other actions with path-like ARNs", 15);
            softly.assertThat(STACK_TRACE.matcher(streams.text()).find())
                    .as("logged a stack trace:%n%s", streams.text())
                    .isFalse();
        }
        softly.assertAll();

        Answer alive = post(
                TARGET + "DescribeStateMachine",
                "application/x-amz-json-1.0",
                JSON.writeValueAsBytes(JSON.createObjectNode().put("stateMachineArn", LocalServe.RENDER_ARN)));
        assertThat(alive.status()).as(alive.body()).isEqualTo(200);
        assertThat(JSON.readTree(alive.body()).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(4)
    void dataDirAndBucket_afterEveryBadInput_holdNothingOutsideTheTenantsPrefix() throws Exception {
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("data");
        }
        Path bucket = stack.bucketDirectory();
        List<String> keys = new ArrayList<>();
        if (Files.isDirectory(bucket)) {
            try (Stream<Path> files = Files.walk(bucket)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> keys.add(bucket.relativize(f).toString()));
            }
        }
        assertThat(keys).allSatisfy(key -> assertThat(key).matches(TENANT_KEY).doesNotContain(".."));
    }

    /** Names AWS refuses or we must: paths, whitespace, brackets, controls, bidi and zero-width characters, too long. */
    private static List<String> badNames() {
        List<String> names = new ArrayList<>(List.of(
                "../../etc/passwd",
                "..",
                ".",
                "a/b",
                "a\\b",
                "%2e%2e%2f",
                "has space",
                "tab\tname",
                "new\nline",
                "nul\u0000",
                "esc\u001b[2J",
                "rtl\u202eexe",
                "zero\u200dwidth",
                "x".repeat(81),
                "<script>",
                "{braces}",
                "[brackets]",
                "wild*card?",
                "quote\"",
                "hash#",
                "dollar$",
                "semi;colon",
                "colon:name",
                "\ufeffbom"));
        Random random = new Random(BadInputCorpus.SEED + 1);
        String odd = "/\\ \t\n\u0000\u001b\u202e\u200d\u2028<>{}[]?*\"#%^|~`$&,;:";
        for (int i = 0; i < 50; i++) {
            StringBuilder name = new StringBuilder("n" + i);
            name.insert(random.nextInt(name.length() + 1), odd.charAt(random.nextInt(odd.length())));
            names.add(name.toString());
        }
        return names;
    }

    private static ObjectNode executionInput(String text) {
        ObjectNode input = JSON.createObjectNode();
        JsonNode request = readOrNull(text);
        if (request != null && request.isObject()) {
            input.set("request", request);
        } else {
            input.put("requestText", text);
        }
        input.putObject("source").put("kind", "api");
        return input;
    }

    private static JsonNode readOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
