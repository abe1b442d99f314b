package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.port.WebhookReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link WebhookReplayGuard} on the prompt-cache table: a PutItem of {@code webhook-delivery#<key>} conditional on
 * no such item (or only an expired one, which DynamoDB's TTL deletes late), so of two concurrent deliveries of the
 * same webhook exactly one is first. The {@code expiresAt} TTL lets DynamoDB forget it. Thread-safe.
 */
public final class DynamoDbWebhookReplayGuard implements WebhookReplayGuard {
    static final String PREFIX = "webhook-delivery#";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbWebhookReplayGuard(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String deliveryKey, Instant forgetAfter) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            DynamoDbPromptCache.CACHE_KEY,
                            AttributeValue.fromS(PREFIX + deliveryKey),
                            TableDefinitions.TTL_ATTRIBUTE,
                            AttributeValue.fromN(Long.toString(forgetAfter.getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(#k) OR #t < :now")
                    .expressionAttributeNames(
                            Map.of("#k", DynamoDbPromptCache.CACHE_KEY, "#t", TableDefinitions.TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(
                            ":now",
                            AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
