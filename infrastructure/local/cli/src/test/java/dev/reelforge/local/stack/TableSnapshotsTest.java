package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.dynamodb.DynamoDbJobStore;
import dev.reelforge.aws.dynamodb.DynamoDbPromptCache;
import dev.reelforge.aws.dynamodb.TableDefinitions;
import dev.reelforge.aws.dynamodb.TableNames;
import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.moto.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables survive a moto restart through their snapshot files. */
class TableSnapshotsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final TableNames NAMES = TableNames.defaults();

    @TempDir
    Path dir;

    @Test
    void save_thenRestoreIntoNewServer_bringsItemsBack() throws Exception {
        JobRecord job;
        CacheEntry entry = new CacheEntry("k-1", "jobs/j-1/final.mp4", "j-1", "luma", "ray-v2", T0);
        try (MotoServer moto = MotoExtension.startMoto(dir.resolve("moto1.log"));
                AwsClients clients = MotoExtension.clientsFor(moto.endpoint())) {
            TableDefinitions.createIfMissing(clients.dynamoDb(), NAMES);
            DynamoDbJobStore jobs = new DynamoDbJobStore(clients.dynamoDb(), NAMES.jobs());
            jobs.create(JobRecord.received("j-1", "acme", "req", T0));
            job = jobs.update(
                    "j-1",
                    j -> j.withStatus(JobStatus.SUCCEEDED, "", T0.plusSeconds(5))
                            .withOutputs(Map.of("final", "jobs/j-1/final.mp4")));
            new DynamoDbPromptCache(clients.dynamoDb(), NAMES.promptCache()).put(entry);

            TableSnapshots snapshots = new TableSnapshots(clients.dynamoDb(), dir);
            assertThat(snapshots.save(NAMES.jobs())).isEqualTo(1);
            assertThat(snapshots.save(NAMES.promptCache())).isEqualTo(1);
        }
        assertThat(dir.resolve(NAMES.jobs() + ".json")).content().contains("\"jobId\"", "\"S\" : \"j-1\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        try (MotoServer moto = MotoExtension.startMoto(dir.resolve("moto2.log"));
                AwsClients clients = MotoExtension.clientsFor(moto.endpoint())) {
            TableDefinitions.createIfMissing(clients.dynamoDb(), NAMES);
            TableSnapshots snapshots = new TableSnapshots(clients.dynamoDb(), dir);

            assertThat(snapshots.restore(NAMES.jobs())).isEqualTo(1);
            assertThat(snapshots.restore(NAMES.promptCache())).isEqualTo(1);
            DynamoDbJobStore jobs = new DynamoDbJobStore(clients.dynamoDb(), NAMES.jobs());
            assertThat(jobs.find("j-1")).contains(job);
            assertThat(new DynamoDbPromptCache(clients.dynamoDb(), NAMES.promptCache()).find("k-1"))
                    .contains(entry);
            assertThat(jobs.update("j-1", j -> j.withSubmissions(1)).version()).isEqualTo(job.version() + 1);
        }
    }

    @Test
    void restore_whenNoSnapshot_restoresNothing() {
        try (MotoServer moto = MotoExtension.startMoto(dir.resolve("moto.log"));
                AwsClients clients = MotoExtension.clientsFor(moto.endpoint())) {
            TableDefinitions.createIfMissing(clients.dynamoDb(), NAMES);

            assertThat(new TableSnapshots(clients.dynamoDb(), dir).restore(NAMES.jobs()))
                    .isZero();
        }
    }
}
