package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.port.ProviderJobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The {@link ProviderJobLedger} on the prompt-cache table, one item per (provider, idempotency key) under the key
 * {@code provider-job#<provider>#<idempotencyKey>} (content cache keys are hex digests, so the prefixes never meet).
 * Attributes: {@code claimedUntil} (epoch seconds, while a create is in flight), {@code providerJobId} (once
 * created), {@code ambiguousSince} (epoch milliseconds, while a lost-reply create is unreconciled), {@code expiresAt}
 * (TTL, {@link #RETENTION} after the claim). Each recorded job also gets an item {@code provider-job-id#<provider>#<id>}
 * for {@link #isRecorded}. Claims and records are conditional writes, so two executions racing on one key cannot both
 * create. Thread-safe.
 */
public final class DynamoDbProviderJobLedger implements ProviderJobLedger {
    /** How long the mapping is kept: longer than any execution, its retries and a re-run of the same key. */
    public static final Duration RETENTION = Duration.ofDays(30);

    static final String PREFIX = "provider-job#";
    static final String RECORDED_PREFIX = "provider-job-id#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProviderJobLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Claim claim(String provider, String idempotencyKey, Instant now, Duration lease) {
        try {
            Map<String, AttributeValue> claimed = dynamoDb.updateItem(b -> b.tableName(table)
                            .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                            .updateExpression("SET claimedUntil = :until, #ttl = :expires")
                            .conditionExpression(
                                    "attribute_not_exists(#k) OR (attribute_not_exists(providerJobId) AND claimedUntil < :now)")
                            .expressionAttributeNames(
                                    Map.of("#k", DynamoDbPromptCache.CACHE_KEY, "#ttl", TableDefinitions.TTL_ATTRIBUTE))
                            .expressionAttributeValues(Map.of(
                                    ":now",
                                    number(now.getEpochSecond()),
                                    ":until",
                                    number(now.plus(lease).getEpochSecond()),
                                    ":expires",
                                    number(now.plus(RETENTION).getEpochSecond())))
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes();
            AttributeValue since = claimed == null ? null : claimed.get("ambiguousSince");
            return since == null
                    ? new Claim.Granted()
                    : new Claim.Ambiguous(Instant.ofEpochMilli(Long.parseLong(since.n())));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : current(provider, idempotencyKey);
            if (existing.containsKey("providerJobId")) {
                return new Claim.Recorded(existing.get("providerJobId").s());
            }
            long until = existing.containsKey("claimedUntil")
                    ? Long.parseLong(existing.get("claimedUntil").n())
                    : now.getEpochSecond();
            return new Claim.InFlight(Instant.ofEpochSecond(until));
        }
    }

    @Override
    public String record(String provider, String idempotencyKey, String providerJobId) {
        try {
            Map<String, AttributeValue> recorded = dynamoDb.updateItem(b -> b.tableName(table)
                            .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                            .updateExpression("SET providerJobId = :id REMOVE claimedUntil, ambiguousSince")
                            .conditionExpression("attribute_not_exists(providerJobId)")
                            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(providerJobId)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            markRecorded(
                    provider, providerJobId, recorded == null ? null : recorded.get(TableDefinitions.TTL_ATTRIBUTE));
            return providerJobId;
        } catch (ConditionalCheckFailedException e) {
            return current(provider, idempotencyKey).get("providerJobId").s();
        }
    }

    @Override
    public void markAmbiguous(String provider, String idempotencyKey, Instant since) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                    .updateExpression(
                            "SET claimedUntil = :ended, ambiguousSince = if_not_exists(ambiguousSince, :since)")
                    .conditionExpression("attribute_not_exists(providerJobId)")
                    .expressionAttributeValues(Map.of(":ended", number(0), ":since", number(since.toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // a job was recorded meanwhile: nothing is ambiguous any more
        }
    }

    /** An earlier create is still unreconciled: keep the item, but let the next claim in at once. */
    private void endLeaseIfUnrecorded(String provider, String idempotencyKey) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                    .updateExpression("SET claimedUntil = :ended")
                    .conditionExpression("attribute_exists(#k) AND attribute_not_exists(providerJobId)")
                    .expressionAttributeNames(Map.of("#k", DynamoDbPromptCache.CACHE_KEY))
                    .expressionAttributeValues(Map.of(":ended", number(0))));
        } catch (ConditionalCheckFailedException e) {
            // a job was recorded meanwhile: keep it
        }
    }

    @Override
    public boolean isRecorded(String provider, String providerJobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(DynamoDbPromptCache.CACHE_KEY, recordedKey(provider, providerJobId)))
                        .consistentRead(true))
                .item();
        return item != null && !item.isEmpty();
    }

    /** The reverse item {@code provider-job-id#<provider>#<id>}, so a listing never adopts a job another key holds. */
    private void markRecorded(String provider, String providerJobId, AttributeValue expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbPromptCache.CACHE_KEY, recordedKey(provider, providerJobId));
        if (expiresAt != null) {
            item.put(TableDefinitions.TTL_ATTRIBUTE, expiresAt);
        }
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void release(String provider, String idempotencyKey) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                    .conditionExpression(
                            "attribute_not_exists(providerJobId) AND attribute_not_exists(ambiguousSince)"));
        } catch (ConditionalCheckFailedException e) {
            endLeaseIfUnrecorded(provider, idempotencyKey);
        }
    }

    private Map<String, AttributeValue> current(String provider, String idempotencyKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(provider, idempotencyKey)))
                        .consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private static AttributeValue recordedKey(String provider, String providerJobId) {
        return AttributeValue.fromS(RECORDED_PREFIX + provider + "#" + providerJobId);
    }

    private static AttributeValue key(String provider, String idempotencyKey) {
        return AttributeValue.fromS(PREFIX + provider + "#" + idempotencyKey);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
