package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.ExecutionResult.Status;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.ObjectStoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a Map Run's child results go. Without a ResultWriter to S3 they become the state's result, in item order
 * and transformed by WriterConfig (COMPACT by default). With one they are spooled to temporary files as children
 * finish, so memory stays flat, and exported as AWS documents: {@code <Prefix>/<map run id>/SUCCEEDED_0.json},
 * {@code FAILED_0.json} and a {@code manifest.json} listing them; the state's result then names the manifest.
 * Thread-safe: children report concurrently.
 */
abstract class MapRunResults {
    /** The record AWS keeps for a child: what ResultWriter's NONE writes, and what a failed child always gives. */
    static ObjectNode record(ExecutionResult child, JsonNode input, String stateMachineArn) {
        ObjectNode record = Json.object();
        if (child.status() != Status.SUCCEEDED) {
            record.put("Cause", child.cause());
            record.put("Error", child.error());
        }
        record.put("ExecutionArn", child.executionArn());
        record.put("Input", Json.write(input));
        record.putObject("InputDetails").put("Included", true);
        record.put("Name", child.executionArn().substring(child.executionArn().lastIndexOf(':') + 1));
        if (child.status() == Status.SUCCEEDED) {
            record.put("Output", Json.write(child.output()));
            record.putObject("OutputDetails").put("Included", true);
        }
        record.put("RedriveCount", 0);
        record.put("RedriveStatus", "NOT_REDRIVABLE");
        if (child.status() == Status.SUCCEEDED) {
            record.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
        }
        record.put("StartDate", child.startDate().toString());
        record.put("StateMachineArn", stateMachineArn);
        record.put("Status", child.status().name());
        record.put("StopDate", child.stopDate().toString());
        return record;
    }

    /** The entries one child contributes under {@code transformation}. */
    static List<JsonNode> entries(String transformation, ExecutionResult child, JsonNode input, String machine) {
        if (child.status() != Status.SUCCEEDED || transformation.equals("NONE")) {
            return List.of(record(child, input, machine));
        }
        if (transformation.equals("FLATTEN") && child.output().isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            child.output().forEach(elements::add);
            return elements;
        }
        return List.of(child.output());
    }

    abstract void accept(long index, ExecutionResult child, JsonNode input);

    /** The state's result; {@code null} when the run failed and only the files matter. */
    abstract JsonNode finish(boolean failed);

    /** Drops what was kept (an aborted or timed-out run); children that finish later are ignored. */
    void discard() {}

    /** The results as the state's output array, in item order. */
    static final class InState extends MapRunResults {
        private final String transformation;
        private final String machine;
        private final Map<Long, List<JsonNode>> byIndex = new TreeMap<>();

        InState(String transformation, String machine) {
            this.transformation = transformation;
            this.machine = machine;
        }

        synchronized void accept(long index, ExecutionResult child, JsonNode input) {
            byIndex.put(index, entries(transformation, child, input, machine));
        }

        synchronized JsonNode finish(boolean failed) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            byIndex.values().forEach(array::addAll);
            return array;
        }
    }

    /** The results exported to the object store, spooled on disk meanwhile. */
    static final class ToS3 extends MapRunResults {
        private final ObjectStore store;
        private final String bucket;
        private final String folder;
        private final String mapRunArn;
        private final Distributed.Writer writer;
        private final String machine;
        private final Spool succeeded;
        private final Spool failed;

        ToS3(ObjectStore store, JsonNode arguments, Distributed.Writer writer, String mapRunArn, String machine) {
            JsonNode bucketNode = arguments.get("Bucket");
            if (bucketNode == null || !bucketNode.isTextual()) {
                throw new StatesError(StatesError.RESULT_WRITER_FAILED, "The ResultWriter's 'Bucket' must be a string");
            }
            String prefix = arguments.path("Prefix").asText("");
            this.store = store;
            this.bucket = bucketNode.asText();
            this.folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/")
                    + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
            this.mapRunArn = mapRunArn;
            this.writer = writer;
            this.machine = machine;
            this.succeeded = new Spool(writer.outputType());
            this.failed = new Spool(writer.outputType());
        }

        void accept(long index, ExecutionResult child, JsonNode input) {
            Spool spool = child.status() == Status.SUCCEEDED ? succeeded : failed;
            for (JsonNode entry : entries(writer.transformation(), child, input, machine)) {
                spool.append(entry);
            }
        }

        JsonNode finish(boolean runFailed) {
            String extension = writer.outputType().equals("JSONL") ? ".jsonl" : ".json";
            try {
                ObjectNode manifest = Json.object();
                manifest.put("DestinationBucket", bucket);
                manifest.put("MapRunArn", mapRunArn);
                ObjectNode files = manifest.putObject("ResultFiles");
                files.set("FAILED", failed.upload("FAILED_0" + extension));
                files.putArray("PENDING");
                files.set("SUCCEEDED", succeeded.upload("SUCCEEDED_0" + extension));
                Path manifestFile = Files.createTempFile("reelforge-maprun-", ".json");
                try {
                    Files.writeString(manifestFile, Json.write(manifest));
                    store.put(bucket, folder + "manifest.json", manifestFile);
                } finally {
                    Files.deleteIfExists(manifestFile);
                }
            } catch (IOException | ObjectStoreException | UncheckedIOException e) {
                throw new StatesError(
                        StatesError.RESULT_WRITER_FAILED,
                        "The ResultWriter could not write to s3://" + bucket + "/" + folder + ": " + e.getMessage());
            } finally {
                succeeded.delete();
                failed.delete();
            }
            ObjectNode result = Json.object().put("MapRunArn", mapRunArn);
            result.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
            return result;
        }

        @Override
        void discard() {
            succeeded.delete();
            failed.delete();
        }

        /** One status's results on disk, as a JSON array or JSON Lines. */
        private final class Spool {
            private final boolean lines;
            private Path file;
            private BufferedWriter out;
            private long count;
            private boolean deleted;

            Spool(String outputType) {
                this.lines = outputType.equals("JSONL");
            }

            synchronized void append(JsonNode entry) {
                if (deleted) {
                    return;
                }
                try {
                    if (out == null) {
                        file = Files.createTempFile("reelforge-maprun-", ".part");
                        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                        out.write(lines ? "" : "[");
                    } else {
                        out.write(lines ? "" : ",");
                    }
                    out.write(Json.write(entry));
                    if (lines) {
                        out.write('\n');
                    }
                    count++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            synchronized ArrayNode upload(String name) throws IOException {
                ArrayNode listed = Json.MAPPER.createArrayNode();
                if (count == 0) {
                    return listed;
                }
                if (!lines) {
                    out.write("]");
                }
                out.close();
                out = null;
                store.put(bucket, folder + name, file);
                listed.addObject().put("Key", folder + name).put("Size", Files.size(file));
                return listed;
            }

            synchronized void delete() {
                deleted = true;
                try {
                    if (out != null) {
                        out.close();
                    }
                    if (file != null) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
