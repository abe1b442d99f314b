package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.stack.LocalAwsStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI against {@code reelforge serve}: Step Functions calls, error codes, and an upload that renders. */
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../../events");

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
    void stepFunctionsCommands_workAndReportAwsErrorCodes() throws Exception {
        JsonNode machines = JSON.readTree(ok(aws.run("stepfunctions", "list-state-machines")));
        assertThat(machines.path("stateMachines").findValuesAsText("name"))
                .contains("reelforge-render", "reelforge-batch");

        String arn = JSON.readTree(ok(aws.run(
                        "stepfunctions",
                        "create-state-machine",
                        "--name",
                        "cli-pass",
                        "--role-arn",
                        "arn:aws:iam::000000000000:role/x",
                        "--definition",
                        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")))
                .path("stateMachineArn")
                .asText();
        String execution = JSON.readTree(ok(aws.run(
                        "stepfunctions",
                        "start-execution",
                        "--state-machine-arn",
                        arn,
                        "--name",
                        "e1",
                        "--input",
                        "{\"x\":1}")))
                .path("executionArn")
                .asText();
        assertThat(await(execution, Duration.ofSeconds(30)).path("output").asText())
                .isEqualTo("{\"x\":1}");

        AwsCli.Result missing = aws.run(
                "stepfunctions",
                "describe-execution",
                "--execution-arn",
                "arn:aws:states:us-east-1:000000000000:execution:cli-pass:nope");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ExecutionDoesNotExist");
    }

    @Test
    void s3Cp_request_startsARenderThatSucceeds() throws Exception {
        ObjectNode request = (ObjectNode)
                JSON.readTree(EVENTS.resolve("requests/ball-bounce-16x9.json").toFile());
        ((ObjectNode) request.path("settings")).put("resolution", "360p");
        Path file = Files.writeString(dataDir.resolve("ball.json"), JSON.writeValueAsString(request));

        ok(aws.run("s3", "cp", file.toString(), "s3://" + stack.settings().bucket() + "/requests/demo/ball.json"));
        serve.uploads().scan();

        JsonNode executions = JSON.readTree(
                ok(aws.run("stepfunctions", "list-executions", "--state-machine-arn", LocalServe.RENDER_ARN)));
        JsonNode render = executions.path("executions").get(0);
        assertThat(render.path("name").asText()).startsWith("demo-ball-");
        JsonNode done = await(render.path("executionArn").asText(), Duration.ofMinutes(5));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(serve.uploads().scan())
                .as("the same object is not delivered again")
                .isEmpty();
    }

    private static JsonNode await(String executionArn, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
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

    private static String ok(AwsCli.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }
}
