package dev.reelforge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.RenderStarter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IngestStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RENDER = "arn:aws:states:us-east-1:1:stateMachine:render";
    private static final String BATCH = "arn:aws:states:us-east-1:1:stateMachine:batch";

    private final MapClipStore store = new MapClipStore();
    private final RecordingStarter starter = new RecordingStarter();
    private final IngestStep step = new IngestStep(store, starter, JSON, RENDER, BATCH);

    @Test
    void onUpload_sameEventTwice_usesOneExecutionName() throws IOException {
        store.put("requests/acme/clip.json", "{\"tenant\":\"acme\",\"prompt\":\"x\"}");
        ObjectCreated upload = new ObjectCreated("b", "requests/acme/clip.json", "e1", "0001");

        step.onUpload(upload);
        step.onUpload(upload);

        assertThat(starter.names).hasSize(2).allMatch(n -> n.equals(starter.names.get(0)));
        assertThat(starter.names.get(0)).startsWith("acme-clip-").matches("[A-Za-z0-9_-]{1,80}");
        JsonNode input = JSON.readTree(starter.inputs.get(0));
        assertThat(input.path("request").path("prompt").asText()).isEqualTo("x");
        assertThat(input.path("source").path("etag").asText()).isEqualTo("e1");
    }

    @Test
    void onUpload_reupload_getsANewName() {
        store.put("requests/acme/clip.json", "{}");

        step.onUpload(new ObjectCreated("b", "requests/acme/clip.json", "e1", "0001"));
        step.onUpload(new ObjectCreated("b", "requests/acme/clip.json", "e2", "0002"));

        assertThat(starter.names.get(0)).isNotEqualTo(starter.names.get(1));
    }

    @Test
    void onUpload_requestClaimingAnotherTenant_isRejectedWithoutStarting() {
        store.put("requests/acme/clip.json", "{\"tenant\":\"other\"}");

        assertThatThrownBy(() -> step.onUpload(new ObjectCreated("b", "requests/acme/clip.json", "e", "s")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tenant");
        assertThat(starter.names).isEmpty();
    }

    @Test
    void onUpload_keyOutsideRequests_isRejected() {
        assertThatThrownBy(() -> step.onUpload(new ObjectCreated("b", "outputs/acme/x.json", "e", "s")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requests/<tenant>/<name>.json");
    }

    @Test
    void onSchedule_manifest_startsOneBatchWithNamedItems() throws IOException {
        store.put("requests/acme/a.json", "{\"tenant\":\"acme\",\"prompt\":\"a\"}");
        store.put(
                "manifests/nightly.json",
                "{\"requests\":[\"requests/acme/a.json\",{\"tenant\":\"acme\",\"prompt\":\"b\"}]}");
        JsonNode event = JSON.readTree(
                "{\"source\":\"reelforge.schedule\",\"manifestKey\":\"manifests/nightly.json\",\"maxConcurrency\":3,"
                        + "\"scheduledTime\":\"2026-01-01T02:00:00Z\",\"scheduleArn\":\"arn:s\"}");

        step.onSchedule(event);
        step.onSchedule(event);

        assertThat(starter.arns).containsOnly(BATCH);
        assertThat(starter.names.get(1)).isEqualTo(starter.names.get(0)).startsWith("batch-");
        JsonNode batch = JSON.readTree(starter.inputs.get(0));
        assertThat(batch.path("maxConcurrency").asInt()).isEqualTo(3);
        assertThat(batch.path("items")).hasSize(2);
        assertThat(batch.path("items").get(1).path("name").asText()).isEqualTo(starter.names.get(0) + "-1");
        assertThat(batch.path("items")
                        .get(0)
                        .path("input")
                        .path("request")
                        .path("prompt")
                        .asText())
                .isEqualTo("a");
        assertThat(batch.path("items")
                        .get(1)
                        .path("input")
                        .path("source")
                        .path("kind")
                        .asText())
                .isEqualTo("batch");
    }

    @Test
    void onSchedule_manifestPastTheInputLimit_writesAnItemsFileAndNamesIt() throws IOException {
        StringBuilder manifest = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 1000; i++) {
            manifest.append(i == 0 ? "" : ",")
                    .append("{\"tenant\":\"acme\",\"prompt\":\"")
                    .append("a mug falls ".repeat(25))
                    .append(i)
                    .append("\"}");
        }
        store.put("manifests/big.json", manifest.append("]}").toString());

        step.onSchedule(JSON.readTree("{\"manifestKey\":\"manifests/big.json\",\"scheduledTime\":\"t\"}"));

        JsonNode batch = JSON.readTree(starter.inputs.get(0));
        String name = starter.names.get(0);
        assertThat(batch.has("items")).isFalse();
        assertThat(batch.path("itemsKey").asText()).isEqualTo("batches/" + name + "/items.json");
        assertThat(batch.path("resultsPrefix").asText()).isEqualTo("batches/" + name + "/results");
        JsonNode items =
                JSON.readTree(store.getBytes("batches/" + name + "/items.json").orElseThrow());
        assertThat(items).hasSize(1000);
        assertThat(items.get(999).path("name").asText()).isEqualTo(name + "-999");
        assertThat(items.get(999).at("/input/source/index").asInt()).isEqualTo(999);
    }

    @Test
    void executionNames_longInputs_stayWithinEightyCharacters() {
        String name = ExecutionNames.forUpload(new ObjectCreated("b", "k", "e", "s"), "t".repeat(40), "n".repeat(100));
        assertThat(name).hasSizeLessThanOrEqualTo(80);
        assertThat(ExecutionNames.forBatchItem(name, 12345))
                .hasSizeLessThanOrEqualTo(80)
                .endsWith("-12345");
    }

    @Test
    void fromEvent_readsTheDocumentedShape() throws IOException {
        JsonNode event = JSON.readTree(Path.of("../../events/s3-put.json").toFile());

        ObjectCreated upload = ObjectCreated.fromEvent(event);

        assertThat(upload)
                .isEqualTo(new ObjectCreated(
                        "reelforge-clips",
                        "requests/demo/mug-drop.json",
                        "b1946ac92492d2347c6235b4d2611184",
                        "00617F08299329D189"));
    }

    private static final class MapClipStore implements ClipStore {
        private final Map<String, byte[]> objects = new HashMap<>();

        void put(String key, String text) {
            objects.put(key, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void putFile(String key, Path file, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putBytes(String key, byte[] content, String contentType) {
            objects.put(key, content.clone());
        }

        @Override
        public void download(String key, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> getBytes(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public boolean exists(String key) {
            return objects.containsKey(key);
        }

        @Override
        public OptionalLong size(String key) {
            return objects.containsKey(key) ? OptionalLong.of(objects.get(key).length) : OptionalLong.empty();
        }

        @Override
        public String locate(String key) {
            return "mem://" + key;
        }
    }

    private static final class RecordingStarter implements RenderStarter {
        final List<String> arns = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();

        @Override
        public StartedExecution start(String stateMachineArn, String executionName, String inputJson) {
            boolean again = names.contains(executionName);
            arns.add(stateMachineArn);
            names.add(executionName);
            inputs.add(inputJson);
            String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
            return again ? StartedExecution.existing(arn) : StartedExecution.started(arn);
        }
    }
}
