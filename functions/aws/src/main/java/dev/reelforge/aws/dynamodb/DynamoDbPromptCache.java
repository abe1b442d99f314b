package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.port.PromptCache;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@link PromptCache} on a DynamoDB table keyed by {@code cacheKey}. The first approved clip for a key wins: a
 * put is conditional on the key being absent, and losing that race is normal, not an error. Entries expire
 * {@code retention} after approval (TTL {@code expiresAt}). Thread-safe.
 *
 * <pre>{@code
 * PromptCache cache = new DynamoDbPromptCache(clients.dynamoDb(), "reelforge-prompt-cache");
 * }</pre>
 */
public final class DynamoDbPromptCache implements PromptCache {
    static final String CACHE_KEY = "cacheKey";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(DynamoDbPromptCache.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;

    public DynamoDbPromptCache(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, DEFAULT_RETENTION);
    }

    public DynamoDbPromptCache(DynamoDbClient dynamoDb, String table, Duration retention) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Optional<CacheEntry> find(String cacheKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(CACHE_KEY, AttributeValue.fromS(cacheKey)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CacheEntry(
                item.get(CACHE_KEY).s(),
                item.get("clipKey").s(),
                item.get("jobId").s(),
                item.get("provider").s(),
                item.get("model").s(),
                Instant.parse(item.get("approvedAt").s()),
                item.containsKey("shotClipKeys")
                        ? item.get("shotClipKeys").l().stream()
                                .map(AttributeValue::s)
                                .toList()
                        : List.of(),
                item.containsKey("lastFrameKey") ? item.get("lastFrameKey").s() : "",
                item.containsKey("shot") ? Integer.parseInt(item.get("shot").n()) : 0));
    }

    @Override
    public boolean put(CacheEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CACHE_KEY, AttributeValue.fromS(entry.cacheKey()));
        item.put("clipKey", AttributeValue.fromS(entry.clipKey()));
        item.put("jobId", AttributeValue.fromS(entry.jobId()));
        item.put("provider", AttributeValue.fromS(entry.provider()));
        item.put("model", AttributeValue.fromS(entry.model()));
        item.put("approvedAt", AttributeValue.fromS(entry.approvedAt().toString()));
        if (entry.sequence()) {
            item.put(
                    "shotClipKeys",
                    AttributeValue.fromL(entry.shotClipKeys().stream()
                            .map(AttributeValue::fromS)
                            .toList()));
        }
        if (!entry.lastFrameKey().isEmpty()) {
            item.put("lastFrameKey", AttributeValue.fromS(entry.lastFrameKey()));
        }
        if (entry.shot() > 0) {
            item.put("shot", AttributeValue.fromN(Integer.toString(entry.shot())));
        }
        item.put(
                TableDefinitions.TTL_ATTRIBUTE,
                AttributeValue.fromN(
                        Long.toString(entry.approvedAt().plus(retention).getEpochSecond())));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", CACHE_KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            log.debug("Prompt cache already holds {}; keeping the first entry", entry.cacheKey());
            return false;
        }
    }
}
