package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.cli.ReelforgeCli;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.stack.LocalAwsStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval gate driven by the AWS CLI and {@code reelforge approve} against {@code reelforge serve}: a render
 * with {@code "approval": "required"} waits at WaitForApproval; approve publishes it, reject records the reason,
 * changes renders again and asks again; a stale revision is refused; a forged token is InvalidToken and a used one
 * TaskTimedOut, as AWS answers.
 */
class ApprovalAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../../events");
    private static final Duration RENDER = Duration.ofMinutes(5);

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static LocalServe serve;
    private static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalAwsStack.start(dataDir);
        serve = LocalServe.start(stack, dataDir, 0, EngineClock.system());
        Map<String, String> env = stack.awsCliEnvironment();
        env.put("AWS_ENDPOINT_URL_SFN", serve.endpoint().toString());
        aws = AwsCli.install(Files.createDirectories(dataDir.resolve("cli")), env);
    }

    @AfterAll
    static void stop() {
        serve.close();
        stack.close();
    }

    @Test
    void approve_afterRefusingStaleAndForged_succeeds_andTheUsedTokenIsClosed() throws Exception {
        String execution = startWithApproval("approve-1");
        JsonNode job = awaitWaiting("approve-1", 1);

        assertThat(job.path("status").asText()).isEqualTo("AWAITING_APPROVAL");
        JsonNode described =
                JSON.readTree(ok(aws.run("stepfunctions", "describe-execution", "--execution-arn", execution)));
        assertThat(described.path("status").asText()).isEqualTo("RUNNING");
        JsonNode history =
                JSON.readTree(ok(aws.run("stepfunctions", "get-execution-history", "--execution-arn", execution)));
        assertThat(lastEntered(history)).isEqualTo("WaitForApproval");
        String token = token(history);

        assertThat(ReelforgeCli.execute("approve", "approve-1", "--revision", "0", "--endpoint", api()))
                .as("an older revision is refused")
                .isEqualTo(1);
        AwsCli.Result forged =
                aws.run("stepfunctions", "send-task-success", "--task-token", "RF1forged", "--task-output", "{}");
        assertThat(forged.stderr()).contains("InvalidToken");

        assertThat(ReelforgeCli.execute("approve", "approve-1", "--endpoint", api()))
                .isZero();
        assertThat(awaitEnd(execution).path("status").asText()).isEqualTo("SUCCEEDED");
        AwsCli.Result reused = aws.run(
                "stepfunctions",
                "send-task-success",
                "--task-token",
                token,
                "--task-output",
                "{\"decision\":\"approve\",\"revision\":1}");
        assertThat(reused.exitCode()).isNotZero();
        assertThat(reused.stderr()).contains("TaskTimedOut");
        assertThat(job("approve-1").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void reject_endsDeclinedWithTheReasonOnTheRecord() throws Exception {
        String execution = startWithApproval("reject-1");
        awaitWaiting("reject-1", 1);

        assertThat(ReelforgeCli.execute("approve", "reject-1", "--reject", "too dark", "--endpoint", api()))
                .isZero();

        JsonNode done = awaitEnd(execution);
        assertThat(done.path("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("error").asText()).isEqualTo("Reelforge.Declined");
        JsonNode job = job("reject-1");
        assertThat(job.path("status").asText()).isEqualTo("DECLINED");
        assertThat(job.path("reason").asText()).isEqualTo("too dark");
    }

    @Test
    void changes_renderAgainWithTheWords_thenWaitForTheNewRevision() throws Exception {
        String execution = startWithApproval("changes-1");
        awaitWaiting("changes-1", 1);

        assertThat(ReelforgeCli.execute(
                        "approve", "changes-1", "--changes", "The ball is bright blue.", "--endpoint", api()))
                .isZero();
        awaitWaiting("changes-1", 2);
        assertThat(ReelforgeCli.execute("approve", "changes-1", "--revision", "1", "--endpoint", api()))
                .as("the first revision is stale now")
                .isEqualTo(1);
        JsonNode history =
                JSON.readTree(ok(aws.run("stepfunctions", "get-execution-history", "--execution-arn", execution)));
        assertThat(history.toString()).contains("The ball is bright blue.");

        assertThat(ReelforgeCli.execute("approve", "changes-1", "--endpoint", api()))
                .isZero();
        assertThat(awaitEnd(execution).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    private static String startWithApproval(String name) throws Exception {
        ObjectNode request = (ObjectNode)
                JSON.readTree(EVENTS.resolve("requests/ball-bounce-16x9.json").toFile());
        ((ObjectNode) request.path("settings")).put("resolution", "360p");
        request.put("approval", "required");
        request.put("prompt", request.path("prompt").asText() + "\nTake " + name + ".");
        request.put("clientRequestId", name);
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        return JSON.readTree(ok(aws.run(
                        "stepfunctions",
                        "start-execution",
                        "--state-machine-arn",
                        LocalServe.RENDER_ARN,
                        "--name",
                        name,
                        "--input",
                        JSON.writeValueAsString(input))))
                .path("executionArn")
                .asText();
    }

    private static String api() {
        return serve.endpoint().toString();
    }

    private static JsonNode job(String jobId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api() + "/api/jobs/" + jobId))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /**
     * Polls the jobs API until {@code revision} waits for approval: its token is kept and the job's status says so
     * (two writes, the token's first). Bounded; fails with the job's state.
     */
    private static JsonNode awaitWaiting(String jobId, int revision) throws Exception {
        Instant deadline = Instant.now().plus(RENDER);
        while (true) {
            JsonNode job = job(jobId);
            if (job.path("waitingRevision").asInt(-1) == revision
                    && job.path("status").asText().equals("AWAITING_APPROVAL")) {
                return job;
            }
            assertThat(job.path("status").asText()).as(job.toString()).isNotIn("FAILED", "SUCCEEDED", "REJECTED");
            assertThat(Instant.now())
                    .as("%s never waited on revision %d: %s", jobId, revision, job)
                    .isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode awaitEnd(String executionArn) throws Exception {
        Instant deadline = Instant.now().plus(RENDER);
        while (true) {
            JsonNode described =
                    JSON.readTree(ok(aws.run("stepfunctions", "describe-execution", "--execution-arn", executionArn)));
            if (!"RUNNING".equals(described.path("status").asText())) {
                return described;
            }
            assertThat(Instant.now()).as("%s still running", executionArn).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static String lastEntered(JsonNode history) {
        String last = "";
        for (JsonNode event : history.path("events")) {
            if (event.path("type").asText().endsWith("StateEntered")) {
                last = event.path("stateEnteredEventDetails").path("name").asText();
            }
        }
        return last;
    }

    /** The token as WaitForApproval handed it to the approval function (the TaskScheduled parameters). */
    private static String token(JsonNode history) throws Exception {
        String token = "";
        for (JsonNode event : history.path("events")) {
            if (event.path("type").asText().equals("TaskScheduled")) {
                JsonNode parameters = JSON.readTree(event.path("taskScheduledEventDetails")
                        .path("parameters")
                        .asText());
                token = parameters.path("Payload").path("token").asText(token);
            }
        }
        assertThat(token).startsWith("RF1");
        return token;
    }

    private static String ok(AwsCli.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }
}
