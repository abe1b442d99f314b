package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The three entry points against {@code reelforge serve} on the real local stack (S3Proxy + moto): the API
 * (SfnClient StartExecution + DescribeExecution), an S3 upload relayed to Ingest as an EventBridge event (twice),
 * and the batch schedule over a manifest of 20 requests with a MaxConcurrency of 4.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryPointsEndToEndTest {
    private static final Path EVENTS = Path.of("../../../events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENDER_LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static LocalServe serve;
    private static SfnClient sfn;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start(dataDir);
        serve = LocalServe.start(stack, dataDir, 0, EngineClock.system());
        sfn = LocalSfnClients.client(serve.endpoint());
        s3 = stack.clients().s3();
        bucket = stack.settings().bucket();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        serve.close();
        stack.close();
    }

    @Test
    @Order(1)
    void startExecution_mugDrop_succeedsWithOutputsInLocalS3() throws Exception {
        String input = Files.readString(EVENTS.resolve("start-execution.json"));

        String arn = sfn.startExecution(b -> b.stateMachineArn(LocalServe.RENDER_ARN)
                        .name("api-mug-drop")
                        .input(input))
                .executionArn();
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, arn, RENDER_LIMIT);

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode summary = JSON.readTree(done.output());
        assertThat(summary.path("outputs")).isNotEmpty();
        for (JsonNode output : summary.path("outputs")) {
            String key = output.path("key").asText();
            assertThat(key).startsWith("outputs/demo/api-mug-drop/");
            assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength())
                    .as(key)
                    .isPositive();
        }
        assertThat(stack.jobStore().find("api-mug-drop").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(serve.events().entries())
                .filteredOn(e -> e.path("Detail").path("jobId").asText().equals("api-mug-drop"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("Source").asText()).isEqualTo("dev.reelforge");
                    assertThat(e.path("DetailType").asText()).isEqualTo("Reelforge Render Completed");
                    assertThat(e.path("Detail").path("outputs")).isEqualTo(summary.path("outputs"));
                });
    }

    @Test
    @Order(2)
    void upload_deliveredTwice_startsOneRender() throws Exception {
        String key = "requests/demo/ball-bounce.json";
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(lightRequest("upload-1")));

        JsonNode first = serve.uploads().deliver(key);
        JsonNode second = serve.uploads().deliver(key);

        String arn = first.path("executionArn").asText();
        assertThat(arn)
                .as(first.toString())
                .startsWith(LocalServe.RENDER_ARN.replace(":stateMachine:", ":execution:") + ":demo-ball-bounce-");
        assertThat(second.path("executionArn").asText()).isEqualTo(arn);
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, arn, RENDER_LIMIT);
        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode third = serve.uploads().deliver(key);
        assertThat(third.path("executionArn").asText()).isEqualTo(arn);
        assertThat(third.path("alreadyStarted").asBoolean())
                .as("a finished name is ExecutionAlreadyExists: idempotent")
                .isTrue();

        List<ExecutionListItem> renders = sfn.listExecutions(b -> b.stateMachineArn(LocalServe.RENDER_ARN))
                .executions();
        assertThat(renders)
                .filteredOn(e -> e.name().startsWith("demo-ball-bounce-"))
                .hasSize(1);
        JsonNode source = JSON.readTree(done.input()).path("source");
        assertThat(source.path("kind").asText()).isEqualTo("s3");
        assertThat(source.path("key").asText()).isEqualTo(key);
    }

    @Test
    @Order(3)
    void upload_reuploadedWithNewContent_startsASecondRender() throws Exception {
        String key = "requests/demo/reupload.json";
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(lightRequest("v1")));
        String first = serve.uploads().deliver(key).path("executionArn").asText();
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(lightRequest("v2")));
        String second = serve.uploads().deliver(key).path("executionArn").asText();

        assertThat(second).isNotEqualTo(first);
        assertThat(LocalSfnClients.awaitEnd(sfn, first, RENDER_LIMIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(LocalSfnClients.awaitEnd(sfn, second, RENDER_LIMIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    @Order(4)
    void schedule_manifestOfTwenty_rendersEachWithinMaxConcurrencyAndSummarisesTheFailure() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(lightRequest("batch"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "requests/demo/batch-" + i + ".json";
            ObjectNode item = request.deepCopy().put("clientRequestId", "batch-" + i);
            if (i == 7) {
                ((ObjectNode) item.path("settings")).put("aspectRatio", "5:4");
                item.put("clientRequestId", "batch-invalid");
            }
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(JSON.writeValueAsBytes(item)));
            keys.add(key);
        }
        ObjectNode manifest = JSON.createObjectNode();
        keys.forEach(manifest.putArray("requests")::add);
        s3.putObject(
                b -> b.bucket(bucket).key("manifests/nightly.json"),
                RequestBody.fromBytes(JSON.writeValueAsBytes(manifest)));

        JsonNode started = serve.uploads()
                .invoke(JSON.readTree(EVENTS.resolve("schedule.json").toFile()));
        DescribeExecutionResponse done =
                LocalSfnClients.awaitEnd(sfn, started.path("executionArn").asText(), Duration.ofMinutes(20));

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode summary = JSON.readTree(done.output());
        assertThat(summary.path("total").asInt()).isEqualTo(20);
        assertThat(summary.path("succeededCount").asInt()).isEqualTo(19);
        assertThat(summary.path("failedCount").asInt()).isEqualTo(1);
        assertThat(summary.path("failed").get(0).asText()).endsWith("-7");
        String batchName = summary.path("batchId").asText();
        List<ExecutionListItem> children =
                sfn.listExecutionsPaginator(b -> b.stateMachineArn(LocalServe.RENDER_ARN)).executions().stream()
                        .filter(e -> e.name().startsWith(batchName + "-"))
                        .toList();
        assertThat(children).hasSize(20);
        assertThat(peakOverlap(children)).isBetween(2, 4);
        JsonNode again = serve.uploads()
                .invoke(JSON.readTree(EVENTS.resolve("schedule.json").toFile()));
        assertThat(again.path("alreadyStarted").asBoolean())
                .as("the same scheduled invocation twice: one batch")
                .isTrue();
    }

    /** The cheapest sample to render (5 s, 360p, one variation), with its own client request id. */
    private static byte[] lightRequest(String clientRequestId) throws IOException {
        ObjectNode request = (ObjectNode)
                JSON.readTree(EVENTS.resolve("requests/ball-bounce-16x9.json").toFile());
        ((ObjectNode) request.path("settings")).put("resolution", "360p");
        return JSON.writeValueAsBytes(request.put("clientRequestId", clientRequestId));
    }

    /** The most child executions that were running at one instant. */
    private static int peakOverlap(List<ExecutionListItem> executions) {
        int peak = 0;
        for (ExecutionListItem probe : executions) {
            Instant at = probe.startDate();
            int running = 0;
            for (ExecutionListItem other : executions) {
                if (!other.startDate().isAfter(at) && other.stopDate().isAfter(at)) {
                    running++;
                }
            }
            peak = Math.max(peak, running);
        }
        return peak;
    }
}
