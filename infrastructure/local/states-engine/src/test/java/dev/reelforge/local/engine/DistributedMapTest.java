package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DistributedMapTest {
    private static final String CHILD = """
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
              "States":{"Work":{"Type":"Task","Resource":"work","End":true}}}""";
    private final InMemoryObjectStore store =
            new InMemoryObjectStore(2).createBucket("in").createBucket("out");

    private ExecutionResult run(String mapFields, String input, TaskHandler tasks) {
        String definition = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true," + mapFields + ","
                + CHILD + "}}}";
        Engine engine =
                new Engine(tasks, new VirtualClock()).withRandom(new Random(7)).withObjects(store);
        return engine.run(StateMachine.parse(definition), Fixtures.ARN, "exec-1", json(input));
    }

    private ExecutionResult run(String mapFields) {
        return run(mapFields, "{}", (resource, in, ctx) -> in);
    }

    private static String reader(String config, String parameters) {
        return "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":" + config
                + ",\"Parameters\":" + parameters + "}";
    }

    @Test
    void jsonArray_eachItemRunsAsAChildExecution_outputsInItemOrder() {
        store.put("in", "items.json", "[{\"n\":1},{\"n\":2},{\"n\":3}]");
        ExecutionResult result = run(
                reader("{\"InputType\":\"JSON\"}", "{\"Bucket\":\"in\",\"Key\":\"items.json\"}"),
                "{}",
                (resource, in, ctx) -> IntNode.valueOf(in.get("n").asInt() * 10));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("[10,20,30]"));
        assertThat(Fixtures.types(result))
                .containsSubsequence("MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded")
                .doesNotContain("TaskStateEntered");
        JsonNode started = result.history().stream()
                .filter(e -> e.type().equals("MapRunStarted"))
                .findFirst()
                .orElseThrow()
                .details();
        assertThat(started.at("/mapRunStartedEventDetails/mapRunArn").asText())
                .startsWith("arn:aws:states:eu-west-1:123456789012:mapRun:Clip/M:");
    }

    @Test
    void csvFirstRow_itemsAreStringsKeyedByHeader_andItemSelectorSeesTheIndex() {
        store.put("in", "rows.csv", "b,a\n1,\"x, y\"\n2\n");
        ExecutionResult result = run(reader(
                        "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"}",
                        "{\"Bucket\":\"in\",\"Key\":\"rows.csv\"}")
                + ",\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"row.$\":\"$$.Map.Item.Value\"}");

        assertThat(result.output())
                .isEqualTo(json(
                        "[{\"i\":0,\"row\":{\"a\":\"x, y\",\"b\":\"1\"}},{\"i\":1,\"row\":{\"a\":\"\",\"b\":\"2\"}}]"));
    }

    @Test
    void csvGivenHeaders_withPipeDelimiterAndMaxItems_readsOnlyThatMany() {
        store.put("in", "rows.psv", "1|a\n2|b\n3|c\n");
        ExecutionResult result = run(reader(
                "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"id\",\"name\"],"
                        + "\"CSVDelimiter\":\"PIPE\",\"MaxItems\":2}",
                "{\"Bucket\":\"in\",\"Key\":\"rows.psv\"}"));

        assertThat(result.output()).isEqualTo(json("[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"}]"));
    }

    @Test
    void csvDuplicateHeaders_failsWithItemReaderFailed() {
        store.put("in", "dup.csv", "a,a\n1,2\n");
        ExecutionResult result = run(reader("{\"InputType\":\"CSV\"}", "{\"Bucket\":\"in\",\"Key\":\"dup.csv\"}"));

        assertThat(result.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(result.cause()).contains("CSV headers cannot contain duplicates.");
    }

    @Test
    void jsonLines_skipsBlankLines() {
        store.put("in", "items.jsonl", "{\"n\":1}\n\n{\"n\":2}\n");
        ExecutionResult result = run(
                reader("{\"InputType\":\"JSONL\"}", "{\"Bucket\":\"in\",\"Key.$\":\"$.key\"}"),
                "{\"key\":\"items.jsonl\"}",
                (resource, in, ctx) -> in);

        assertThat(result.output()).isEqualTo(json("[{\"n\":1},{\"n\":2}]"));
    }

    @Test
    void listObjectsV2_pagesThroughThePrefix() {
        store.put("in", "clips/a.mp4", "aa")
                .put("in", "clips/b.mp4", "b")
                .put("in", "clips/c.mp4", "")
                .put("in", "other/d.mp4", "d");
        ExecutionResult result = run(
                "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:listObjectsV2\",\"Parameters\":{\"Bucket\":\"in\",\"Prefix\":\"clips/\"}}",
                "{}",
                (resource, in, ctx) -> in);

        assertThat(result.output().findValuesAsText("Key"))
                .containsExactly("clips/a.mp4", "clips/b.mp4", "clips/c.mp4");
        assertThat(result.output().get(0).get("Size").asLong()).isEqualTo(2);
        assertThat(result.output().get(0).get("Etag").asText()).startsWith("\"").endsWith("\"");
        assertThat(result.output().get(0).get("StorageClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void manifest_readsTheInventoryCsvFilesTheManifestLists() throws IOException {
        store.put("out", "inv/data/1.csv.gz", gzip("src,clips/a.mp4,12\nsrc,clips/b.mp4,7\n"));
        store.put("out", "inv/data/2.csv.gz", gzip("src,clips/c.mp4,3\n"));
        store.put("out", "inv/manifest.json", """
                {"sourceBucket":"src","destinationBucket":"arn:aws:s3:::out","fileFormat":"CSV",
                 "fileSchema":"Bucket, Key, Size","files":[{"key":"inv/data/1.csv.gz"},{"key":"inv/data/2.csv.gz"}]}""");
        ExecutionResult result =
                run(reader("{\"InputType\":\"MANIFEST\"}", "{\"Bucket\":\"out\",\"Key\":\"inv/manifest.json\"}"));

        assertThat(result.output().findValuesAsText("Key"))
                .containsExactly("clips/a.mp4", "clips/b.mp4", "clips/c.mp4");
        assertThat(result.output().get(0))
                .isEqualTo(json("{\"Bucket\":\"src\",\"Key\":\"clips/a.mp4\",\"Size\":\"12\"}"));
    }

    @Test
    void missingObject_failsWithItemReaderFailedNamingIt() {
        ExecutionResult result = run(reader("{\"InputType\":\"JSON\"}", "{\"Bucket\":\"in\",\"Key\":\"nope.json\"}"));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(result.cause()).contains("s3://in/nope.json");
        assertThat(Fixtures.types(result)).contains("MapRunFailed");
    }

    @Test
    void itemBatcher_groupsItemsWithBatchInput() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"job.$\":\"$.job\"}}",
                "{\"job\":\"j\",\"items\":[1,2,3,4,5]}",
                (resource, in, ctx) -> in);

        assertThat(result.output())
                .isEqualTo(json("[{\"BatchInput\":{\"job\":\"j\"},\"Items\":[1,2]},{\"BatchInput\":{\"job\":\"j\"},"
                        + "\"Items\":[3,4]},{\"BatchInput\":{\"job\":\"j\"},\"Items\":[5]}]"));
    }

    @Test
    void itemBatcher_maxInputBytes_closesABatchBeforeItWouldExceedTheLimit() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ItemBatcher\":{\"MaxInputBytesPerBatch\":30}",
                "{\"items\":[\"aaaaaaaa\",\"bbbbbbbb\",\"cccccccc\"]}",
                (resource, in, ctx) -> IntNode.valueOf(in.get("Items").size()));

        assertThat(result.output()).isEqualTo(json("[1,1,1]"));
        assertThat(json("{\"Items\":[\"aaaaaaaa\",\"bbbbbbbb\"]}").toString()).hasSizeGreaterThan(30);
    }

    @Test
    void failedChild_withoutTolerance_failsTheRunWithExceedToleratedFailureThreshold() {
        ExecutionResult result = run("\"ItemsPath\":\"$.items\"", "{\"items\":[1,2,3]}", (resource, in, ctx) -> {
            if (in.asInt() == 2) {
                throw new TaskFailedException("Boom", "item two");
            }
            return in;
        });

        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(Fixtures.types(result)).containsSubsequence("MapRunFailed", "MapStateFailed", "ExecutionFailed");
    }

    @Test
    void toleratedFailureCount_withinIt_succeedsAndReportsTheFailedChild() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":1", "{\"items\":[1,2,3]}", (resource, in, ctx) -> {
                    if (in.asInt() == 2) {
                        throw new TaskFailedException("Boom", "item two");
                    }
                    return in;
                });

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().get(0).asInt()).isEqualTo(1);
        assertThat(result.output().get(1).get("Status").asText()).isEqualTo("FAILED");
        assertThat(result.output().get(1).get("Error").asText()).isEqualTo("Boom");
        assertThat(result.output().get(1).get("Input").asText()).isEqualTo("2");
    }

    @Test
    void toleratedFailurePercentage_exceeded_failsOverTheTotal() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ToleratedFailurePercentage\":40",
                "{\"items\":[1,2,3,4,5]}",
                (resource, in, ctx) -> {
                    if (in.asInt() <= 3) {
                        throw new TaskFailedException("Boom", "low item");
                    }
                    return in;
                });

        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(result.cause()).contains("3 of 5");
    }

    @Test
    void resultWriter_exportsManifestAndResultFilesAndReturnsTheirLocation() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ToleratedFailurePercentage\":50,"
                        + "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
                        + "\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"}}",
                "{\"items\":[1,2,3]}",
                (resource, in, ctx) -> {
                    if (in.asInt() == 3) {
                        throw new TaskFailedException("Boom", "item three");
                    }
                    return IntNode.valueOf(in.asInt() * 2);
                });

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        String mapRunArn = result.output().get("MapRunArn").asText();
        String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        assertThat(result.output().get("ResultWriterDetails"))
                .isEqualTo(json("{\"Bucket\":\"out\",\"Key\":\"runs/" + id + "/manifest.json\"}"));
        JsonNode manifest = json(text("runs/" + id + "/manifest.json"));
        assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(mapRunArn);
        assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
        String succeededKey = manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText();
        assertThat(succeededKey).isEqualTo("runs/" + id + "/SUCCEEDED_0.json");
        assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asLong())
                .isEqualTo(text(succeededKey).length());
        JsonNode succeeded = json(text(succeededKey));
        assertThat(succeeded).hasSize(2);
        assertThat(succeeded.findValuesAsText("Output")).containsExactlyInAnyOrder("2", "4");
        assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.get(0).get("ExecutionArn").asText())
                .startsWith("arn:aws:states:eu-west-1:123456789012:execution:Clip/M:");
        JsonNode failed = json(text(manifest.at("/ResultFiles/FAILED/0/Key").asText()));
        assertThat(failed.get(0).get("Error").asText()).isEqualTo("Boom");
        assertThat(failed.get(0).get("Cause").asText()).isEqualTo("item three");
    }

    @Test
    void resultWriter_jsonlCompact_writesOneOutputPerLine() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1,\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
                        + "\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"\"},"
                        + "\"WriterConfig\":{\"OutputType\":\"JSONL\",\"Transformation\":\"COMPACT\"}}",
                "{\"items\":[{\"a\":1},{\"a\":2}]}",
                (resource, in, ctx) -> in);

        String key =
                result.output().at("/ResultWriterDetails/Key").asText().replace("manifest.json", "SUCCEEDED_0.jsonl");
        assertThat(text(key)).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }

    @Test
    void writerConfigOnly_flattenReturnsTheFlattenedOutputs() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ResultWriter\":{\"WriterConfig\":{\"Transformation\":\"FLATTEN\"}}",
                "{\"items\":[[1,2],[3]]}",
                (resource, in, ctx) -> in);

        assertThat(result.output()).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void resultWriter_missingBucket_failsWithResultWriterFailed() {
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
                        + "\"Parameters\":{\"Bucket\":\"nowhere\",\"Prefix\":\"p\"}}",
                "{\"items\":[1]}",
                (resource, in, ctx) -> in);

        assertThat(result.error()).isEqualTo("States.ResultWriterFailed");
        assertThat(result.cause()).contains("nowhere");
    }

    @Test
    void maxConcurrency_boundsTheChildrenRunningAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        ExecutionResult result = run(
                "\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2", "{\"items\":[1,2,3,4,5,6]}", (resource, in, ctx) -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoStarted.countDown();
                    try {
                        twoStarted.await(5, TimeUnit.SECONDS);
                        return in;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new TaskFailedException("Interrupted", "");
                    } finally {
                        running.decrementAndGet();
                    }
                });

        assertThat(result.output()).isEqualTo(json("[1,2,3,4,5,6]"));
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void jsonata_itemReaderArguments_areEvaluated() {
        store.put("in", "n.json", "[1,2]");
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                    "Arguments":{"Bucket":"in","Key":"{% $states.input.key %}"}},
                  "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","Output":"{% $states.input.v + 1 %}","End":true}}}}}}""";
        Engine engine = new Engine((r, in, c) -> in, new VirtualClock())
                .withRandom(new Random(1))
                .withObjects(store);
        ExecutionResult result =
                engine.run(StateMachine.parse(definition), Fixtures.ARN, "e", json("{\"key\":\"n.json\"}"));

        assertThat(result.output()).isEqualTo(json("[2,3]"));
    }

    private String text(String key) {
        return new String(store.bytes("out", key).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
