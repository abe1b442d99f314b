package dev.reelforge.aws.dynamodb;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The shape of both tables, for servers that start empty (the local stack, tests). In AWS the tables come from
 * template.yaml, which must declare the same keys, on-demand billing and the {@value #TTL_ATTRIBUTE} TTL.
 */
public final class TableDefinitions {
    /** Epoch seconds after which DynamoDB may delete the item. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private static final Logger log = LoggerFactory.getLogger(TableDefinitions.class);

    private TableDefinitions() {}

    public static CreateTableRequest jobs(String tableName) {
        return hashKeyTable(tableName, JobItems.JOB_ID);
    }

    public static CreateTableRequest promptCache(String tableName) {
        return hashKeyTable(tableName, DynamoDbPromptCache.CACHE_KEY);
    }

    public static List<CreateTableRequest> all(TableNames names) {
        return List.of(jobs(names.jobs()), promptCache(names.promptCache()));
    }

    /** Creates each table that does not exist yet, enables its TTL, and waits until it is active. */
    public static void createIfMissing(DynamoDbClient dynamoDb, TableNames names) {
        for (CreateTableRequest request : all(names)) {
            String table = request.tableName();
            if (exists(dynamoDb, table)) {
                continue;
            }
            try {
                dynamoDb.createTable(request);
                log.info("Created table {}", table);
            } catch (ResourceInUseException e) {
                log.debug("Table {} was created concurrently", table);
            }
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
            dynamoDb.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
        }
    }

    private static boolean exists(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static CreateTableRequest hashKeyTable(String tableName, String key) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(key)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName(key)
                        .keyType(KeyType.HASH)
                        .build())
                .build();
    }
}
