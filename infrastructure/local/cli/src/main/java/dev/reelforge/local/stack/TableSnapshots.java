package dev.reelforge.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps local tables across runs, since moto holds them in memory only: {@link #save} scans a table into
 * {@code <dir>/<table>.json} (DynamoDB JSON, written to a temporary file and renamed, so a crash never leaves half a
 * snapshot), and {@link #restore} puts those items back into a fresh table.
 */
public final class TableSnapshots {
    private static final Logger log = LoggerFactory.getLogger(TableSnapshots.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DynamoDbClient dynamoDb;
    private final Path dir;

    public TableSnapshots(DynamoDbClient dynamoDb, Path dir) {
        this.dynamoDb = dynamoDb;
        this.dir = dir.toAbsolutePath();
    }

    public Path fileFor(String table) {
        return dir.resolve(table + ".json");
    }

    /** Writes every item of {@code table}; returns how many. */
    public int save(String table) {
        ArrayNode items = MAPPER.createArrayNode();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items()
                .forEach(item -> items.add(AttributeValueJson.item(item)));
        ObjectNode snapshot = MAPPER.createObjectNode().put("table", table);
        snapshot.set("items", items);
        Path target = fileFor(table);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, table + ".", ".json.tmp");
            try {
                MAPPER.writeValue(temp.toFile(), snapshot);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the snapshot of table " + table + " to " + target, e);
        }
        log.debug("Saved {} items of {} to {}", items.size(), table, target);
        return items.size();
    }

    /** Puts the items of the table's snapshot, if there is one, into the (existing) table; returns how many. */
    public int restore(String table) {
        Path source = fileFor(table);
        if (!Files.exists(source)) {
            return 0;
        }
        JsonNode snapshot;
        try {
            snapshot = MAPPER.readTree(source.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read the snapshot " + source + "; fix or delete it (the table then starts empty)", e);
        }
        int count = 0;
        for (JsonNode node : snapshot.path("items")) {
            Map<String, AttributeValue> item = AttributeValueJson.item(node);
            dynamoDb.putItem(b -> b.tableName(table).item(item));
            count++;
        }
        log.debug("Restored {} items of {} from {}", count, table, source);
        return count;
    }
}
