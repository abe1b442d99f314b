package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The items of an S3 inventory: its manifest.json names gzipped CSV files whose columns are the manifest's
 * fileSchema; each row is one item, an object of those names in schema order. Only the CSV inventory format is
 * read (ORC and Parquet inventories fail the reader, naming the format). Files are read one after another.
 */
final class InventoryItems implements ItemSource {
    private final ObjectStore store;
    private final String bucket;
    private final List<String> schema;
    private final Iterator<String> files;
    private ItemSource current = ItemSource.of(Json.MAPPER.createArrayNode());

    private InventoryItems(ObjectStore store, String bucket, List<String> schema, List<String> files) {
        this.store = store;
        this.bucket = bucket;
        this.schema = schema;
        this.files = files.iterator();
    }

    static ItemSource open(ObjectStore store, String bucket, String manifestKey) {
        String where = "s3://" + bucket + "/" + manifestKey;
        JsonNode manifest;
        try (InputStream in = S3ItemSources.open(store, bucket, manifestKey)) {
            manifest = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw ItemSource.failed("The inventory manifest " + where + " is not valid JSON: " + e.getMessage());
        }
        String format = manifest.path("fileFormat").asText("");
        if (!format.equals("CSV")) {
            throw ItemSource.failed("The inventory manifest " + where + " has fileFormat '" + format
                    + "'; only CSV inventories are read");
        }
        String destination = manifest.path("destinationBucket").asText(bucket);
        String filesBucket =
                destination.startsWith("arn:") ? destination.substring(destination.lastIndexOf(':') + 1) : destination;
        List<String> files = new ArrayList<>();
        manifest.path("files").forEach(file -> files.add(file.path("key").asText()));
        return new InventoryItems(
                store,
                filesBucket,
                S3ItemSources.split(manifest.path("fileSchema").asText("")),
                files);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
            String key = files.next();
            String where = "s3://" + bucket + "/" + key;
            current = CsvItems.open(
                    S3ItemSources.gunzip(S3ItemSources.open(store, bucket, key), where), schema, ',', where, false);
        }
        return current.hasNext();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    @Override
    public void close() {
        current.close();
    }
}
