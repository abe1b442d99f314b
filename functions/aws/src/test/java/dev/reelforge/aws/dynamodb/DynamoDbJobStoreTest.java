package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

/** {@link DynamoDbJobStore} against a real moto server (DynamoDB protocol, conditional writes). */
@ExtendWith(MotoExtension.class)
class DynamoDbJobStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbJobStore jobs;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        table = names.jobs();
        jobs = new DynamoDbJobStore(dynamoDb, table);
    }

    @Test
    void create_thenFind_returnsVersionOneWithAllFields() {
        JobRecord job = new JobRecord(
                "j-1", "acme", "req-1", JobStatus.RECEIVED, "", "", 0, Map.of(), JobDetail.empty(), T0, T0, 0);

        JobRecord created = jobs.create(job);

        assertThat(created.version()).isEqualTo(1);
        assertThat(jobs.find("j-1")).contains(created);
    }

    @Test
    void create_whenJobExists_throwsJobConflict() {
        jobs.create(JobRecord.received("j-2", "acme", "req", T0));

        assertThatThrownBy(() -> jobs.create(JobRecord.received("j-2", "other", "req", T0)))
                .isInstanceOf(JobConflictException.class)
                .hasMessageContaining("j-2");
        assertThat(jobs.find("j-2"))
                .hasValueSatisfying(j -> assertThat(j.tenant()).isEqualTo("acme"));
    }

    @Test
    void find_whenMissing_returnsEmpty() {
        assertThat(jobs.find("nope")).isEmpty();
    }

    @Test
    void update_appliesChangeAndIncrementsVersion() {
        jobs.create(JobRecord.received("j-3", "acme", "req", T0));

        JobRecord updated = jobs.update(
                "j-3",
                j -> j.withStatus(JobStatus.RENDERING, "submitted", T0.plusSeconds(9))
                        .withOutputs(Map.of("final", "jobs/j-3/final.mp4"))
                        .withDetail(JobDetail.opened(List.of("prompt is long"))));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(jobs.find("j-3")).contains(updated);
    }

    @Test
    void update_setsTtlNinetyDaysAfterUpdate() {
        jobs.create(JobRecord.received("j-4", "acme", "req", T0));
        jobs.update("j-4", j -> j.withStatus(JobStatus.SUCCEEDED, "", T0.plusSeconds(60)));

        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(table).key(Map.of("jobId", AttributeValue.fromS("j-4"))))
                .item();

        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(
                        T0.plusSeconds(60).plus(Duration.ofDays(90)).getEpochSecond()));
        assertThat(item.get("version").n()).isEqualTo("2");
    }

    @Test
    void update_whenMissing_throwsNoSuchElement() {
        assertThatThrownBy(() -> jobs.update("ghost", j -> j)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void update_whenManyThreadsUpdateOneJob_losesNoUpdate() throws Exception {
        jobs.create(JobRecord.received("j-hot", "acme", "req", T0));
        int threads = 8;
        int updatesPerThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "w" + t;
            results.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < updatesPerThread; i++) {
                    String output = writer + "-" + i;
                    jobs.update("j-hot", j -> {
                        Map<String, String> outputs = new HashMap<>(j.outputs());
                        outputs.put(output, output);
                        return j.withSubmissions(j.providerSubmissions() + 1).withOutputs(outputs);
                    });
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JobRecord last = jobs.find("j-hot").orElseThrow();
        assertThat(last.providerSubmissions()).isEqualTo(threads * updatesPerThread);
        assertThat(last.outputs()).hasSize(threads * updatesPerThread);
        assertThat(last.version()).isEqualTo(1 + threads * updatesPerThread);
    }

    @Test
    void update_whenEveryAttemptConflicts_throwsJobConflictAfterBound() {
        jobs.create(JobRecord.received("j-5", "acme", "req", T0));
        DynamoDbJobStore other = new DynamoDbJobStore(dynamoDb, table);

        assertThatThrownBy(() -> jobs.update("j-5", j -> {
                    other.update("j-5", o -> o.withSubmissions(o.providerSubmissions() + 1));
                    return j.withStatus(JobStatus.FAILED, "lost", T0);
                }))
                .isInstanceOf(JobConflictException.class)
                .hasMessageContaining("j-5");
        assertThat(jobs.find("j-5").orElseThrow().providerSubmissions()).isEqualTo(20); // one per attempt
    }
}
