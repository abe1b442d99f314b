package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.port.ProviderJobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The {@link ProviderJobLedger} on the prompt-cache table, one item per (provider, idempotency key) under the key
 * {@code provider-job#<provider>#<idempotencyKey>} (content cache keys are hex digests, so the prefixes never meet).
 * Attributes: {@code claimedUntil} (epoch seconds, while a create is in flight), {@code providerJobId} (once
 * created), {@code expiresAt} (TTL, {@link #RETENTION} after the claim). Claims and records are conditional writes,
 * so two executions racing on one key cannot both create. Thread-safe.
 */
public final class DynamoDbProviderJobLedger implements ProviderJobLedger {
    /** How long the mapping is kept: longer than any execution, its retries and a re-run of the same key. */
    public static final Duration RETENTION = Duration.ofDays(30);
    static final String PREFIX = "provider-job#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProviderJobLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Claim claim(String provider, String idempotencyKey, Instant now, Duration lease) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey),
                            "claimedUntil", number(now.plus(lease).getEpochSecond()),
                            TableDefinitions.TTL_ATTRIBUTE, number(now.plus(RETENTION).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(#k) OR (attribute_not_exists(providerJobId) AND claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#k", DynamoDbPromptCache.CACHE_KEY))
                    .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Granted();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : current(provider, idempotencyKey);
            if (existing.containsKey("providerJobId")) {
                return new Claim.Recorded(existing.get("providerJobId").s());
            }
            long until = existing.containsKey("claimedUntil") ? Long.parseLong(existing.get("claimedUntil").n()) : now.getEpochSecond();
            return new Claim.InFlight(Instant.ofEpochSecond(until));
        }
    }

    @Override
    public String record(String provider, String idempotencyKey, String providerJobId) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                    .updateExpression("SET providerJobId = :id REMOVE claimedUntil")
                    .conditionExpression("attribute_not_exists(providerJobId)")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(providerJobId))));
            return providerJobId;
        } catch (ConditionalCheckFailedException e) {
            return current(provider, idempotencyKey).get("providerJobId").s();
        }
    }

    @Override
    public void release(String provider, String idempotencyKey) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                    .conditionExpression("attribute_not_exists(providerJobId)"));
        } catch (ConditionalCheckFailedException e) {
            // a job was recorded meanwhile: keep it
        }
    }

    private Map<String, AttributeValue> current(String provider, String idempotencyKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey))).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static AttributeValue key(String provider, String idempotencyKey) {
        return AttributeValue.fromS(PREFIX + provider + "#" + idempotencyKey);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
