package dev.reelforge.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.RenderStarter;
import dev.reelforge.core.port.RenderStarter.StartedExecution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two event entry points: an uploaded request ({@code requests/<tenant>/<name>.json}) starts one render; a
 * schedule starts one batch over a manifest ({@code {"requests": ["requests/acme/a.json", {...inline...}]}}).
 * Execution names come from the trigger ({@link ExecutionNames}), so redelivered events start nothing new.
 * The tenant of an uploaded request is its folder: a request naming another tenant is rejected.
 */
public final class IngestStep {
    /** Step Functions' limit on an execution input. */
    static final int MAX_INPUT_BYTES = 256 * 1024;

    private static final Pattern REQUEST_KEY =
            Pattern.compile("^requests/([a-z0-9][a-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100})\\.json$");
    private static final int DEFAULT_MAX_CONCURRENCY = 4;

    private final ClipStore store;
    private final RenderStarter starter;
    private final ObjectMapper json;
    private final String renderStateMachineArn;
    private final String batchStateMachineArn;

    public IngestStep(
            ClipStore store,
            RenderStarter starter,
            ObjectMapper json,
            String renderStateMachineArn,
            String batchStateMachineArn) {
        this.store = store;
        this.starter = starter;
        this.json = json;
        this.renderStateMachineArn = renderStateMachineArn;
        this.batchStateMachineArn = batchStateMachineArn;
    }

    /** Starts the render of an uploaded request (or finds the one a previous delivery started). */
    public StartedExecution onUpload(ObjectCreated upload) {
        Matcher key = REQUEST_KEY.matcher(upload.key());
        if (!key.matches()) {
            throw InvalidRequestException.of(
                    "key", "uploads must be named requests/<tenant>/<name>.json, got " + upload.key());
        }
        String tenant = key.group(1);
        ObjectNode source = json.createObjectNode()
                .put("kind", "s3")
                .put("bucket", upload.bucket())
                .put("key", upload.key())
                .put("etag", upload.etag())
                .put("sequencer", upload.sequencer());
        ObjectNode input = renderInput(read(upload.key()), tenant, source);
        return starter.start(
                renderStateMachineArn, ExecutionNames.forUpload(upload, tenant, key.group(2)), write(input));
    }

    /**
     * Starts one batch for a scheduled invocation: {@code {"manifestKey", "maxConcurrency", "scheduledTime",
     * "scheduleArn"}} as the template's schedule sends it. The items go inline when the execution input stays within
     * Step Functions' 256 KiB; a larger batch's items are written to {@code batches/<batch>/items.json}, which the
     * batch machine's Distributed Map reads, and the input names that file instead.
     */
    public StartedExecution onSchedule(JsonNode event) {
        String manifestKey = event.path("manifestKey").asText("");
        if (!manifestKey.startsWith("manifests/")) {
            throw InvalidRequestException.of(
                    "manifestKey", "a batch manifest lives under manifests/, got '" + manifestKey + "'");
        }
        JsonNode manifest = parse(read(manifestKey), "manifest " + manifestKey);
        JsonNode requests = manifest.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw InvalidRequestException.of("requests", "the manifest " + manifestKey + " lists no requests");
        }
        String batchName = ExecutionNames.forBatch(
                event.path("scheduleArn").asText("manual"),
                event.path("scheduledTime").asText(""),
                manifestKey);
        int maxConcurrency = event.path("maxConcurrency")
                .asInt(manifest.path("maxConcurrency").asInt(DEFAULT_MAX_CONCURRENCY));
        ObjectNode batch = json.createObjectNode()
                .put("batchId", batchName)
                .put("manifestKey", manifestKey)
                .put("maxConcurrency", Math.max(1, maxConcurrency));
        ArrayNode items = json.createArrayNode();
        for (int i = 0; i < requests.size(); i++) {
            items.add(batchItem(requests.get(i), batchName, i, manifestKey));
        }
        ObjectNode inline = batch.deepCopy();
        inline.set("items", items);
        String text = serialise(inline);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            String itemsKey = "batches/" + batchName + "/items.json";
            store.putBytes(itemsKey, serialise(items).getBytes(StandardCharsets.UTF_8), "application/json");
            batch.put("itemsKey", itemsKey).put("resultsPrefix", "batches/" + batchName + "/results");
            text = write(batch);
        }
        return starter.start(batchStateMachineArn, batchName, text);
    }

    private ObjectNode batchItem(JsonNode entry, String batchName, int index, String manifestKey) {
        ObjectNode source = json.createObjectNode()
                .put("kind", "batch")
                .put("batchId", batchName)
                .put("manifestKey", manifestKey)
                .put("index", index);
        ObjectNode input;
        if (entry.isTextual()) {
            Matcher key = REQUEST_KEY.matcher(entry.asText());
            if (!key.matches()) {
                throw InvalidRequestException.of(
                        "requests[" + index + "]", "expected requests/<tenant>/<name>.json, got " + entry.asText());
            }
            source.put("key", entry.asText());
            input = renderInput(read(entry.asText()), key.group(1), source);
        } else {
            input = json.createObjectNode();
            input.set("request", entry);
            input.set("source", source);
        }
        ObjectNode item = json.createObjectNode().put("name", ExecutionNames.forBatchItem(batchName, index));
        item.set("input", input);
        return item;
    }

    /** The render input the schema documents: the request (or its raw text, for Validate to reject) and its source. */
    private ObjectNode renderInput(byte[] body, String tenant, ObjectNode source) {
        ObjectNode input = json.createObjectNode();
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode request = json.readTree(text);
            if (request != null && request.isObject()) {
                String claimed = request.path("tenant").asText(tenant);
                if (!claimed.equals(tenant)) {
                    throw InvalidRequestException.of(
                            "tenant",
                            "the request names tenant '" + claimed + "' but was uploaded under requests/" + tenant
                                    + "/");
                }
                input.set("request", request);
            } else {
                input.put("requestText", text);
            }
        } catch (IOException notJson) {
            input.put("requestText", text);
        }
        input.set("source", source);
        return input;
    }

    private byte[] read(String key) {
        return store.getBytes(key).orElseThrow(() -> InvalidRequestException.of("key", "no object at " + key));
    }

    private JsonNode parse(byte[] body, String what) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw InvalidRequestException.of("$", what + " is not valid JSON");
        }
    }

    private String write(JsonNode input) {
        String text = serialise(input);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw InvalidRequestException.of(
                    "requests", "the execution input exceeds Step Functions' 256 KiB; split the manifest");
        }
        return text;
    }

    private String serialise(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an execution input", e);
        }
    }
}
