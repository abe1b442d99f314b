package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.port.ApprovalTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ApprovalTokens} on the prompt-cache table, one item per job under the key {@code approval#<jobId>} (content
 * cache keys are hex digests, so the prefixes never meet) holding {@code revision}, {@code taskToken} and the
 * {@code expiresAt} TTL. {@link #take} is a DeleteItem conditional on the revision, returning the old item, so of two
 * concurrent decisions only one gets the token and a decision on another revision gets none. Thread-safe.
 */
public final class DynamoDbApprovalTokens implements ApprovalTokens {
    static final String PREFIX = "approval#";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApprovalTokens(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void put(String jobId, int revision, String token, Instant expiresAt) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(Map.of(
                        DynamoDbPromptCache.CACHE_KEY,
                        key(jobId),
                        "revision",
                        number(revision),
                        "taskToken",
                        AttributeValue.fromS(token),
                        TableDefinitions.TTL_ATTRIBUTE,
                        number(expiresAt.getEpochSecond()))));
    }

    @Override
    public Optional<String> take(String jobId, int revision) {
        try {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(b -> b.tableName(table)
                            .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(jobId)))
                            .conditionExpression("revision = :r")
                            .expressionAttributeValues(Map.of(":r", number(revision)))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            AttributeValue token = old == null ? null : old.get("taskToken");
            return token == null ? Optional.empty() : Optional.of(token.s());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public OptionalInt waiting(String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(DynamoDbPromptCache.CACHE_KEY, key(jobId)))
                        .consistentRead(true))
                .item();
        AttributeValue revision = item == null ? null : item.get("revision");
        return revision == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(revision.n()));
    }

    private static AttributeValue key(String jobId) {
        return AttributeValue.fromS(PREFIX + jobId);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
