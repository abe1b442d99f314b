package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Shots} Map's concurrency on the real render.asl.json and the local stack: two unchained shots (a model
 * whose data takes no first frame, limit 2) are both in flight at once, proven by a gate that lets neither submit
 * return until both have reached it, and both land on the one job record; the bundled animatic chains its shots,
 * so they render one after another.
 */
class ParallelShotsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GATE_SECONDS = 120;
    private static final String PROMPT = "A red enamel kettle on a gas stove in a sunlit kitchen.\n"
            + "00:00–00:05: Wide shot: the kettle sits on the stove.\n"
            + "00:05–00:10: Medium shot: steam rises from the spout.\n"
            + "Audio: quiet kitchen room tone throughout";

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static InFlightProvider provider;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
        provider = new InFlightProvider(new AnimaticProvider(dataDir.resolve("animatic")));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static LocalWorkflow workflow(CapabilityCatalog catalog) {
        return new LocalWorkflow(
                stack, dataDir, EngineClock.system(), Map.of("animatic", provider), ClipJudging.off(), catalog);
    }

    /** The bundled data with the animatic taking no first frame (its shots unchained), as a deployer's file would. */
    private static CapabilityCatalog unchainedAnimatic() {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            JsonNode root = JSON.readTree(in);
            root.path("models").forEach(m -> {
                if (m.path("provider").asText().equals("animatic")) {
                    ((ObjectNode) m).put("firstFrame", false).put("maxConcurrentJobs", 2);
                }
            });
            return CapabilityCatalog.parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request of its own per test ({@code colour}), so no test's sequence answers another's from the cache. */
    private static ObjectNode input(String id, String colour) {
        ObjectNode input = AnimaticRenderInput.of(id, PROMPT.replace("red", colour), 2);
        ((ObjectNode) input.get("request").get("settings")).put("durationSeconds", 10);
        return input;
    }

    @Test
    void twoUnchainedShots_bothInFlightAtOnce_bothOnTheJobRecord() throws IOException {
        provider.gate(2);

        ExecutionResult result = workflow(unchainedAnimatic())
                .render(input("shots-parallel", "red"), "shots-parallel", new ExecutionListener() {});

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(provider.maxInFlight("shots-parallel"))
                .as("both shots' provider jobs were submitted before either was polled finished")
                .isEqualTo(2);
        JobRecord job = stack.jobStore().find("shots-parallel").orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.providerSubmissions()).isEqualTo(2);
        assertThat(job.detail().attempts()).extracting(AttemptDetail::shot).containsExactlyInAnyOrder(1, 2);
        assertThat(job.detail().attempts())
                .allSatisfy(a -> assertThat(a.providerJobIds()).hasSize(1))
                .allSatisfy(a -> assertThat(a.verdict()).isNotNull());
        JsonNode report = JSON.readTree(Files.readString(
                Path.of(stack.clipStore().locate(result.output().path("report").asText()))));
        assertThat(report.path("shots")).hasSize(2);
        report.path("shots")
                .forEach(shot -> assertThat(shot.path("clipKey").asText()).isNotEmpty());
    }

    @Test
    void chainedShots_renderOneAfterAnother() {
        provider.gate(0);

        ExecutionResult result = workflow(CapabilityCatalog.bundled(JSON))
                .render(input("shots-chained", "green"), "shots-chained", new ExecutionListener() {});

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(provider.maxInFlight("shots-chained"))
                .as("shot 2 starts from shot 1's last frame, so it is submitted after shot 1 finished")
                .isEqualTo(1);
        assertThat(stack.jobStore().find("shots-chained").orElseThrow().providerSubmissions())
                .isEqualTo(2);
    }

    /**
     * Counts each job's provider jobs between submit and the poll that finds them finished, and holds every submit at a gate until the
     * gate's number of submits have reached it (0: no gate).
     */
    private static final class InFlightProvider implements VideoProvider {
        private final VideoProvider delegate;
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final Map<String, Integer> most = new ConcurrentHashMap<>();
        private final Map<String, String> open = new ConcurrentHashMap<>();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        InFlightProvider(VideoProvider delegate) {
            this.delegate = delegate;
        }

        void gate(int submits) {
            gate = new CountDownLatch(submits);
        }

        int maxInFlight(String jobId) {
            return most.getOrDefault(jobId, 0);
        }

        private static String jobOf(String key) {
            return key.substring(0, key.indexOf('/'));
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            String job = jobOf(idempotencyKey);
            ProviderJob started = delegate.submit(spec, idempotencyKey);
            if (open.putIfAbsent(started.providerJobId(), job) == null) {
                int now =
                        inFlight.computeIfAbsent(job, j -> new AtomicInteger()).incrementAndGet();
                most.merge(job, now, Math::max);
            }
            CountDownLatch waitFor = gate;
            waitFor.countDown();
            try {
                if (!waitFor.await(GATE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "only " + (most.get(job)) + " shot(s) of " + job + " reached the provider at once");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return started;
        }

        @Override
        public ProviderJob poll(String providerJobId) {
            ProviderJob polled = delegate.poll(providerJobId);
            if (polled.state().isDone()) {
                String job = open.remove(providerJobId);
                if (job != null) {
                    inFlight.get(job).decrementAndGet();
                }
            }
            return polled;
        }

        @Override
        public void download(String providerJobId, Path target) {
            delegate.download(providerJobId, target);
        }
    }
}
