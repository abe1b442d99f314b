package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.InMemoryObjectStore;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.engine.VirtualClock;
import dev.reelforge.local.stack.LocalAwsStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * batch.asl.json within Step Functions' 256 KiB state payload: a Map keeps one result per render, so what it keeps
 * of each must stay small. Found by bench/batch: a batch of 200 whose renders all succeeded failed at the end with
 * States.DataLimitExceeded, each result carrying the render's whole summary (over 1.3 KB).
 */
class BatchPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 400;

    @Test
    void batch_fourHundredRendersWithFullSummaries_succeedsAndCountsThemAll() {
        StateMachine batch = StateMachine.parse(
                Definitions.substitute(Definitions.load("batch.asl.json"), Definitions.localSubstitutions()));
        ObjectNode input = JSON.createObjectNode().put("batchId", "batch-big").put("maxConcurrency", 8);
        ArrayNode items = input.putArray("items");
        for (int i = 0; i < ITEMS; i++) {
            items.addObject()
                    .put("name", "batch-big-" + i)
                    .putObject("input")
                    .putObject("request")
                    .put("clientRequestId", "r-" + i);
        }

        ExecutionResult result = new Engine((resource, task, context) -> succeeded(task), new VirtualClock())
                .run(batch, LocalWorkflow.stateMachineArn(LocalWorkflow.BATCH_MACHINE), "batch-big", input);

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("total").asInt()).isEqualTo(ITEMS);
        assertThat(result.output().path("succeededCount").asInt()).isEqualTo(ITEMS);
        assertThat(result.output().path("results").get(0).path("executionArn").asText())
                .endsWith(":batch-big-0");
    }

    @Test
    void batch_itemsFileInS3_runsEveryRenderThroughTheDistributedMapAndExportsTheResults() throws Exception {
        StateMachine batch = StateMachine.parse(
                Definitions.substitute(Definitions.load("batch.asl.json"), Definitions.localSubstitutions()));
        String bucket = LocalAwsStack.Settings.DEFAULT_BUCKET;
        InMemoryObjectStore store = new InMemoryObjectStore().createBucket(bucket);
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < 1000; i++) {
            items.addObject()
                    .put("name", "batch-s3-" + i)
                    .putObject("input")
                    .putObject("request")
                    .put("clientRequestId", "r-" + i);
        }
        store.put(bucket, "batches/batch-s3/items.json", JSON.writeValueAsBytes(items));
        ObjectNode input = JSON.createObjectNode()
                .put("batchId", "batch-s3")
                .put("maxConcurrency", 8)
                .put("itemsKey", "batches/batch-s3/items.json")
                .put("resultsPrefix", "batches/batch-s3/results");

        ExecutionResult result = new Engine(
                        (resource, task, context) -> {
                            if (task.path("Name").asText().equals("batch-s3-7")) {
                                throw new TaskFailedException("States.TaskFailed", "render batch-s3-7 failed");
                            }
                            return succeeded(task);
                        },
                        new VirtualClock())
                .withRandom(new Random(5))
                .withObjects(store)
                .run(batch, LocalWorkflow.stateMachineArn(LocalWorkflow.BATCH_MACHINE), "batch-s3", input);

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        String manifestKey = result.output().at("/resultWriterDetails/Key").asText();
        assertThat(manifestKey).startsWith("batches/batch-s3/results/").endsWith("/manifest.json");
        JsonNode manifest = JSON.readTree(store.bytes(bucket, manifestKey).orElseThrow());
        assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
        JsonNode records = JSON.readTree(
                store.bytes(bucket, manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText())
                        .orElseThrow());
        assertThat(records).hasSize(1000);
        List<JsonNode> outputs = new ArrayList<>();
        for (JsonNode record : records) {
            outputs.add(JSON.readTree(record.path("Output").asText()));
        }
        assertThat(outputs)
                .filteredOn(o -> o.path("status").asText().equals("SUCCEEDED"))
                .hasSize(999);
        assertThat(outputs)
                .filteredOn(o -> o.path("status").asText().equals("FAILED"))
                .singleElement()
                .satisfies(o -> assertThat(o.path("name").asText()).isEqualTo("batch-s3-7"));
    }

    /** startExecution.sync:2's answer for a render that succeeded, its Output the size of a real render summary. */
    private static JsonNode succeeded(JsonNode task) {
        String name = task.path("Name").asText();
        ObjectNode answer = JSON.createObjectNode()
                .put("ExecutionArn", "arn:aws:states:us-east-1:000000000000:execution:reelforge-render:" + name)
                .put("Name", name)
                .put("Status", "SUCCEEDED")
                .put("StartDate", 1_764_000_000_000L)
                .put("StopDate", 1_764_000_060_000L);
        ObjectNode summary = answer.putObject("Output")
                .put("status", "SUCCEEDED")
                .put("jobId", name)
                .put("tenant", "bench")
                .put("cacheHit", false)
                .put("providerSubmissions", 1)
                .put("attempts", 1)
                .put("verdict", "pass")
                .put("report", "outputs/bench/" + name + "/report.json")
                .put("encoder", "libopenh264")
                .put("estimatedCostUsd", 0.0);
        ArrayNode outputs = summary.putArray("outputs");
        for (String rendition : new String[] {"16x9-360p", "1x1-360", "thumbnail", "poster", "provenance"}) {
            outputs.addObject()
                    .put("rendition", rendition)
                    .put("key", "outputs/bench/" + name + "/" + rendition + ".mp4");
        }
        summary.putArray("warnings")
                .add("audio-cues: the thud at 00:02.1 landed 2 frames late; within tolerance")
                .add("the prompt names no lens; renders default to a 35 mm look");
        return answer;
    }
}
