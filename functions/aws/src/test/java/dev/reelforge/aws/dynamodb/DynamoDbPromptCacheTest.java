package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.core.cache.CacheEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbPromptCache} against a real moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbPromptCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbPromptCache cache;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        table = names.promptCache();
        cache = new DynamoDbPromptCache(dynamoDb, table, Duration.ofDays(30));
    }

    @Test
    void find_whenMissing_returnsEmpty() {
        assertThat(cache.find("k-none")).isEmpty();
    }

    @Test
    void put_thenFind_returnsEntryWithTtl() {
        CacheEntry entry = new CacheEntry("k-1", "jobs/j-1/final.mp4", "j-1", "luma", "ray-v2", T0);

        cache.put(entry);

        assertThat(cache.find("k-1")).contains(entry);
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(table).key(Map.of("cacheKey", AttributeValue.fromS("k-1"))))
                .item();
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void put_sequenceAndShotEntries_findReturnsShotClipsInOrderAndLastFrame() {
        List<String> shots = List.of("clips/acme/j-3/a3.mp4", "clips/acme/j-3/a1.mp4", "clips/acme/j-3/a7.mp4");
        CacheEntry sequence = new CacheEntry("k-seq", shots.get(0), "j-3", "animatic", "v1", T0, shots, "", 0);
        CacheEntry shot = new CacheEntry(
                "k-shot", shots.get(1), "j-3", "animatic", "v1", T0, List.of(), "shots/acme/j-3/2/last.png", 2);

        cache.put(sequence);
        cache.put(shot);

        assertThat(cache.find("k-seq")).contains(sequence);
        assertThat(cache.find("k-seq").orElseThrow().shotClipKeys()).containsExactlyElementsOf(shots);
        assertThat(cache.find("k-shot")).contains(shot);
        assertThat(cache.find("k-shot").orElseThrow().sequence()).isFalse();
    }

    @Test
    void put_whenKeyExists_keepsFirstEntryWithoutError() {
        CacheEntry first = new CacheEntry("k-2", "jobs/j-1/final.mp4", "j-1", "luma", "ray-v2", T0);
        assertThat(cache.put(first)).as("the first put is stored").isTrue();

        boolean second =
                cache.put(new CacheEntry("k-2", "jobs/j-2/final.mp4", "j-2", "luma", "ray-v2", T0.plusSeconds(1)));

        assertThat(second).as("the second put is told it lost").isFalse();
        assertThat(cache.find("k-2")).contains(first);
    }

    @Test
    void put_whenWritersRace_exactlyOneEntryWins() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<CacheEntry> entries = new ArrayList<>();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            CacheEntry entry = new CacheEntry("k-race", "jobs/j-" + w + "/final.mp4", "j-" + w, "luma", "m", T0);
            entries.add(entry);
            results.add(pool.submit(() -> {
                go.await();
                return cache.put(entry);
            }));
        }
        go.countDown();
        List<CacheEntry> toldTheyWon = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            if (results.get(w).get(60, TimeUnit.SECONDS)) {
                toldTheyWon.add(entries.get(w));
            }
        }
        pool.shutdown();

        assertThat(toldTheyWon).as("writers told their entry was stored").hasSize(1);
        assertThat(cache.find("k-race"))
                .as("the stored entry is the one winner's")
                .contains(toldTheyWon.get(0));
    }
}
