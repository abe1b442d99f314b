package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.ObjectStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Opens an ItemReader's items on the object store: a JSON array, JSON Lines, CSV, an S3 inventory manifest (its
 * gzipped CSV files) or a ListObjectsV2 listing. Each streams from the object; nothing is read ahead.
 */
final class S3ItemSources {
    private S3ItemSources() {}

    /** @param arguments the evaluated Parameters (JSONPath) or Arguments (JSONata): Bucket and Key, or Prefix */
    static ItemSource open(Distributed.Reader reader, JsonNode arguments, ObjectStore store) {
        String bucket = text(arguments, "Bucket");
        if (reader.listsObjects()) {
            return listing(store, bucket, arguments.path("Prefix").asText(""));
        }
        String key = text(arguments, "Key");
        return switch (reader.inputType()) {
            case "JSON" -> jsonArray(open(store, bucket, key), "s3://" + bucket + "/" + key);
            case "JSONL" -> jsonLines(open(store, bucket, key), "s3://" + bucket + "/" + key);
            case "CSV" ->
                CsvItems.open(
                        open(store, bucket, key),
                        reader.headerInFirstRow() ? null : reader.headers(),
                        reader.delimiter(),
                        "s3://" + bucket + "/" + key);
            default -> InventoryItems.open(store, bucket, key);
        };
    }

    static InputStream open(ObjectStore store, String bucket, String key) {
        try {
            return store.open(bucket, key);
        } catch (ObjectStoreException e) {
            throw ItemSource.failed("The ItemReader could not read s3://" + bucket + "/" + key + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        if (value == null || !value.isTextual()) {
            throw ItemSource.failed("The ItemReader's '" + field + "' must be a string, but got "
                    + (value == null ? "nothing" : Json.write(value)));
        }
        return value.asText();
    }

    private static ItemSource jsonArray(InputStream in, String where) {
        try {
            JsonParser parser = Json.MAPPER.createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                parser.close();
                throw ItemSource.failed("The object " + where + " must hold a JSON array");
            }
            return new Streamed(
                    in,
                    () -> {
                        JsonToken token = parser.nextToken();
                        if (token == JsonToken.END_ARRAY) {
                            return null;
                        }
                        if (token == null) {
                            throw new IOException("the array is not closed");
                        }
                        return parser.readValueAsTree();
                    },
                    where);
        } catch (IOException e) {
            throw ItemSource.failed("The object " + where + " is not valid JSON: " + e.getMessage());
        }
    }

    private static ItemSource jsonLines(InputStream in, String where) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Streamed(
                in,
                () -> {
                    String line;
                    do {
                        line = lines.readLine();
                    } while (line != null && line.isBlank());
                    return line == null ? null : Json.MAPPER.readTree(line);
                },
                where);
    }

    private static ItemSource listing(ObjectStore store, String bucket, String prefix) {
        return new ItemSource() {
            private Iterator<ObjectStore.Summary> page =
                    List.<ObjectStore.Summary>of().iterator();
            private String token;
            private boolean last;

            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    ObjectStore.Page next;
                    try {
                        next = store.list(bucket, prefix, token);
                    } catch (ObjectStoreException e) {
                        throw ItemSource.failed(
                                "The ItemReader could not list s3://" + bucket + "/" + prefix + ": " + e.getMessage());
                    }
                    page = next.objects().iterator();
                    token = next.nextContinuationToken();
                    last = token == null;
                }
                return page.hasNext();
            }

            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ObjectStore.Summary object = page.next();
                ObjectNode item = Json.object();
                item.put("Etag", object.eTag());
                item.put("Key", object.key());
                item.put("LastModified", object.lastModified().getEpochSecond());
                item.put("Size", object.size());
                item.put("StorageClass", object.storageClass());
                return item;
            }

            public void close() {}
        };
    }

    /** Reads the next value, {@code null} at the end. */
    @FunctionalInterface
    interface Next {
        JsonNode read() throws IOException;
    }

    /** An item source over one open stream, reading one value ahead to answer hasNext. */
    static final class Streamed implements ItemSource {
        private final InputStream in;
        private final Next reader;
        private final String where;
        private JsonNode ahead;
        private boolean done;

        Streamed(InputStream in, Next reader, String where) {
            this.in = in;
            this.reader = reader;
            this.where = where;
        }

        public boolean hasNext() {
            if (ahead == null && !done) {
                try {
                    ahead = reader.read();
                } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                    close();
                    throw ItemSource.failed("The object " + where + " could not be read: " + e.getMessage());
                }
                done = ahead == null;
                if (done) {
                    close();
                }
            }
            return ahead != null;
        }

        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode item = ahead;
            ahead = null;
            return item;
        }

        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // closing a stream we are done reading cannot lose data
            }
        }
    }

    /** A gzip stream for an inventory file, or the failure naming it. */
    static InputStream gunzip(InputStream in, String where) {
        try {
            return new GZIPInputStream(in, 64 * 1024);
        } catch (IOException e) {
            throw ItemSource.failed("The inventory file " + where + " is not gzip: " + e.getMessage());
        }
    }

    static List<String> split(String schema) {
        List<String> names = new ArrayList<>();
        for (String name : schema.split(",")) {
            names.add(name.strip());
        }
        return names;
    }
}
