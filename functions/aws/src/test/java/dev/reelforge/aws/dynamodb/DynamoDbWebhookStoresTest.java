package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.testing.MotoExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook's task tokens and replay guard against a real DynamoDB API (moto). */
@ExtendWith(MotoExtension.class)
class DynamoDbWebhookStoresTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        this.dynamoDb = dynamoDb;
        this.table = names.promptCache();
    }

    @Test
    void tokenFor_registeredJob_returnsTheLatestToken() {
        DynamoDbWebhookTokens tokens = new DynamoDbWebhookTokens(dynamoDb, table, CLOCK);
        tokens.register("fal-queue", "r-1", "tok-1", NOW.plusSeconds(600));
        tokens.register("fal-queue", "r-1", "tok-2", NOW.plusSeconds(600));

        assertThat(tokens.tokenFor("fal-queue", "r-1")).contains("tok-2");
        assertThat(tokens.tokenFor("replicate", "r-1")).isEmpty();
        assertThat(tokens.tokenFor("fal-queue", "r-2")).isEmpty();
    }

    @Test
    void tokenFor_expiredButNotYetDeleted_isEmpty() {
        DynamoDbWebhookTokens tokens = new DynamoDbWebhookTokens(dynamoDb, table, CLOCK);
        tokens.register("fal-queue", "r-1", "tok-1", NOW.minusSeconds(1));

        assertThat(tokens.tokenFor("fal-queue", "r-1")).isEmpty();
    }

    @Test
    void firstDelivery_sameKeyTwice_onlyTheFirstIsFirst() {
        DynamoDbWebhookReplayGuard guard = new DynamoDbWebhookReplayGuard(dynamoDb, table, CLOCK);

        assertThat(guard.firstDelivery("fal-queue/r-1@1764662400", NOW.plusSeconds(600)))
                .isTrue();
        assertThat(guard.firstDelivery("fal-queue/r-1@1764662400", NOW.plusSeconds(600)))
                .isFalse();
        assertThat(guard.firstDelivery("fal-queue/r-1@1764662401", NOW.plusSeconds(600)))
                .isTrue();
    }

    @Test
    void firstDelivery_expiredRecord_isForgotten() {
        new DynamoDbWebhookReplayGuard(dynamoDb, table, CLOCK).firstDelivery("k", NOW.plusSeconds(10));
        DynamoDbWebhookReplayGuard later =
                new DynamoDbWebhookReplayGuard(dynamoDb, table, Clock.fixed(NOW.plusSeconds(11), ZoneOffset.UTC));

        assertThat(later.firstDelivery("k", NOW.plusSeconds(600))).isTrue();
    }

    @Test
    void firstDelivery_concurrentReplays_exactlyOneWins() {
        DynamoDbWebhookReplayGuard guard = new DynamoDbWebhookReplayGuard(dynamoDb, table, CLOCK);
        var pool = Executors.newFixedThreadPool(4);
        try {
            long winners = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> guard.firstDelivery("race", NOW.plusSeconds(600)), pool))
                    .toList()
                    .stream()
                    .filter(CompletableFuture::join)
                    .count();
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
