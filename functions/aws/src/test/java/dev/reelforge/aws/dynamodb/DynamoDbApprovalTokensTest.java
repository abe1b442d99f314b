package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.testing.MotoExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoDbApprovalTokens} against a real moto server: one waiting revision per job, taken once. */
@ExtendWith(MotoExtension.class)
class DynamoDbApprovalTokensTest {
    private static final Instant EXPIRES = Instant.parse("2026-12-09T08:00:00Z");
    private DynamoDbApprovalTokens tokens;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        tokens = new DynamoDbApprovalTokens(dynamoDb, names.promptCache());
    }

    @Test
    void take_returnsTheTokenOfTheWaitingRevisionOnce() {
        tokens.put("job-1", 1, "token-one", EXPIRES);
        tokens.put("job-1", 2, "token-two", EXPIRES);

        assertThat(tokens.waiting("job-1")).hasValue(2);
        assertThat(tokens.take("job-1", 1)).as("a stale revision").isEmpty();
        assertThat(tokens.take("job-1", 2)).contains("token-two");
        assertThat(tokens.take("job-1", 2)).as("taken already").isEmpty();
        assertThat(tokens.waiting("job-1")).isEmpty();
        assertThat(tokens.take("job-9", 1)).isEmpty();
    }
}
