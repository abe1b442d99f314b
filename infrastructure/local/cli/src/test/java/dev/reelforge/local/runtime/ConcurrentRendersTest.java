package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty executions at once on one engine, one local stack and one provider: every job ends SUCCEEDED with all its
 * outputs, and every job record carries every update its handlers made — a lost optimistic-versioning update would
 * show as a submission counter that disagrees with the provider jobs listed per attempt, an attempt without its
 * verdict, or a stale status.
 */
class ConcurrentRendersTest {
    private static final int EXECUTIONS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private static ObjectNode request(int i) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "load")
                .put("clientRequestId", "load-" + i)
                .put(
                        "prompt",
                        "A heavy 200 g wooden block number " + i
                                + " slides off a table and falls. Camera: static tripod.\n"
                                + "Audio: wooden thud at 00:02.5");
        request.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "360p")
                .put("fps", 24)
                .put("variations", 1);
        return request;
    }

    @Test
    void render_fiftyAtOnce_allSucceedWithNoLostUpdates() throws Exception {
        try (LocalAwsStack stack = LocalAwsStack.start(dataDir)) {
            var provider = new AnimaticProvider(
                    dataDir.resolve("animatic"), new AnimaticRenderer(Ffmpeg.bundled()), 2, EXECUTIONS);
            LocalWorkflow workflow =
                    new LocalWorkflow(stack, dataDir, EngineClock.system(), Map.of("animatic", provider));
            ExecutorService pool = Executors.newFixedThreadPool(EXECUTIONS);
            List<Future<ExecutionResult>> results = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                ObjectNode input = JSON.createObjectNode().set("request", request(i));
                String name = "load-" + i;
                results.add(pool.submit(() -> workflow.render(input, name, new ExecutionListener() {})));
            }
            for (int i = 0; i < EXECUTIONS; i++) {
                ExecutionResult result = results.get(i).get();
                assertThat(result.status())
                        .as("load-%d: %s %s", i, result.error(), result.cause())
                        .isEqualTo(ExecutionResult.Status.SUCCEEDED);
                JobRecord job = stack.jobStore().find("load-" + i).orElseThrow();
                assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
                var attempts = JSON.valueToTree(job.detail()).path("attempts");
                int providerJobs = 0;
                for (var attempt : attempts) {
                    assertThat(attempt.path("verdict").asText())
                            .as("load-%d attempt %s", i, attempt.path("attempt"))
                            .isNotEmpty();
                    providerJobs += attempt.path("providerJobIds").size();
                }
                assertThat(job.providerSubmissions())
                        .as("submission counter vs provider jobs on the record")
                        .isEqualTo(providerJobs)
                        .isEqualTo(result.output().path("providerSubmissions").asInt());
                assertThat(attempts).hasSize(result.output().path("attempts").asInt());
                assertThat(job.outputs())
                        .containsKey("thumbnail")
                        .allSatisfy((rendition, key) -> assertThat(
                                        Path.of(stack.clipStore().locate(key)))
                                .isNotEmptyFile());
            }
            pool.shutdown();
        }
    }
}
