package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole local stack: real S3Proxy and moto, data kept across restarts under one directory. */
class LocalAwsStackTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void start_thenCloseAndStartAgain_keepsJobsCacheAndClips() {
        String clipPath;
        JobRecord job;
        CacheEntry entry = new CacheEntry("k-1", "jobs/j-1/final.mp4", "j-1", "luma", "ray-v2", T0);
        try (LocalAwsStack stack = LocalAwsStack.start(dataDir)) {
            job = stack.jobStore().create(JobRecord.received("j-1", "acme", "req", T0));
            job = stack.jobStore().update("j-1", j -> j.withStatus(JobStatus.SUCCEEDED, "", T0.plusSeconds(3)));
            stack.promptCache().put(entry);
            stack.clipStore().putBytes("jobs/j-1/final.mp4", "mp4".getBytes(StandardCharsets.UTF_8), "video/mp4");
            clipPath = stack.clipStore().locate("jobs/j-1/final.mp4");
        }

        assertThat(Path.of(clipPath))
                .isEqualTo(dataDir.resolve("s3/reelforge-clips/jobs/j-1/final.mp4"))
                .hasContent("mp4");
        assertThat(dataDir.resolve("dynamodb/reelforge-jobs.json")).isRegularFile();
        assertThat(dataDir.resolve("dynamodb/reelforge-prompt-cache.json")).isRegularFile();

        try (LocalAwsStack stack = LocalAwsStack.start(dataDir)) {
            assertThat(stack.jobStore().find("j-1")).contains(job);
            assertThat(stack.promptCache().find("k-1")).contains(entry);
            assertThat(stack.clipStore().getBytes("jobs/j-1/final.mp4"))
                    .hasValueSatisfying(b ->
                            assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("mp4"));
        }
    }

    @Test
    void start_whenDataDirInUse_throwsClearError() {
        try (LocalAwsStack first = LocalAwsStack.start(dataDir)) {
            assertThatThrownBy(() -> LocalAwsStack.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Reelforge local stack");
        }
    }

    @Test
    void close_stopsMotoProcess() {
        LocalAwsStack stack = LocalAwsStack.start(dataDir);
        long pid = stack.motoPid();

        stack.close();

        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertThat(process.map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void awsCliEnvironment_pointsAtBothServers() {
        try (LocalAwsStack stack = LocalAwsStack.start(dataDir)) {
            assertThat(stack.awsCliEnvironment())
                    .containsEntry(
                            "AWS_ENDPOINT_URL_S3",
                            stack.endpoints().s3Endpoint().toString())
                    .containsEntry(
                            "AWS_ENDPOINT_URL_DYNAMODB",
                            stack.endpoints().dynamoDbEndpoint().toString())
                    .containsEntry("AWS_REGION", "us-east-1");
            assertThat(stack.startupTime()).isPositive();
        }
    }
}
