package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.port.TaskTokenRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link TaskTokenRegistry} on the prompt-cache table, one item per provider job under the key
 * {@code webhook-token#<provider>#<job>} (content cache keys are hex digests, so the prefixes never meet) holding
 * {@code taskToken} and the {@code expiresAt} TTL. DynamoDB deletes expired items late, so a read checks the TTL
 * itself. Thread-safe.
 */
public final class DynamoDbWebhookTokens implements TaskTokenRegistry {
    static final String PREFIX = "webhook-token#";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbWebhookTokens(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = clock;
    }

    @Override
    public void register(String provider, String providerJobId, String token, Instant expiresAt) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(Map.of(
                        DynamoDbPromptCache.CACHE_KEY,
                        key(provider, providerJobId),
                        "taskToken",
                        AttributeValue.fromS(token),
                        TableDefinitions.TTL_ATTRIBUTE,
                        AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
    }

    @Override
    public Optional<String> tokenFor(String provider, String providerJobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, providerJobId)))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey("taskToken")) {
            return Optional.empty();
        }
        AttributeValue expires = item.get(TableDefinitions.TTL_ATTRIBUTE);
        if (expires != null && Long.parseLong(expires.n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item.get("taskToken").s());
    }

    private static AttributeValue key(String provider, String providerJobId) {
        return AttributeValue.fromS(PREFIX + provider + "#" + providerJobId);
    }
}
