package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployed render.asl.json on the local engine, against the real local stack (S3Proxy + moto), with the
 * animatic provider: the foundation's acceptance criteria, checked on the files and the job table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRenderEndToEndTest {
    private static final Path REQUESTS = Path.of("../../../events/requests");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static CountingProvider provider;
    private static LocalWorkflow workflow;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
        provider = new CountingProvider(new AnimaticProvider(dataDir.resolve("animatic")));
        workflow = new LocalWorkflow(stack, dataDir, EngineClock.system(), Map.of("animatic", provider));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static ExecutionResult run(String sample, String executionName, List<String> states) throws IOException {
        ObjectNode input = JSON.createObjectNode();
        String text = Files.readString(REQUESTS.resolve(sample));
        try {
            input.set("request", JSON.readTree(text));
        } catch (IOException notJson) {
            input.put("requestText", text);
        }
        return workflow.render(input, executionName, new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                if (event.type().endsWith("StateEntered")) {
                    states.add(event.details()
                            .path("stateEnteredEventDetails")
                            .path("name")
                            .asText());
                }
            }
        });
    }

    @Test
    @Order(1)
    void mugDrop_rendersThroughEveryStateToPlayableOutputs() throws IOException {
        List<String> states = new ArrayList<>();
        ExecutionResult result = run("mug-drop.json", "mug-first", states);

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(states)
                .containsSubsequence(
                        "Validate",
                        "Submit",
                        "WaitForRender",
                        "Poll",
                        "ReviewScore",
                        "PostProcess",
                        "RenderMedia",
                        "Finalize",
                        "Done");
        JsonNode summary = result.output();
        assertThat(summary.path("cacheHit").asBoolean()).isFalse();
        assertThat(summary.path("providerSubmissions").asInt()).isEqualTo(2);
        assertThat(provider.submissions()).isEqualTo(2);

        Path clip = Path.of(stack.clipStore()
                .locate(summary.path("outputs").get(0).path("key").asText()));
        ProbeResult probe = new FfprobeClipProbe(Ffmpeg.bundled()).probe(clip);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.durationSeconds())
                .as("picture and sound end together, within a frame of 6 s")
                .isCloseTo(6.0, org.assertj.core.data.Offset.offset(1 / 24.0 + 0.01));
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(Path.of(stack.clipStore().locate(summary.path("report").asText())))
                .isRegularFile();

        JobRecord job = stack.jobStore().find("mug-first").orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.outputs()).containsKeys("9x16-720p", "1x1-720", "thumbnail");
        JsonNode attempt = JSON.valueToTree(job.detail()).path("attempts").get(0);
        assertThat(attempt.path("clips")).hasSize(2);
        assertThat(attempt.path("originals")).hasSize(2).allSatisfy(original -> {
            Path stored =
                    Path.of(stack.clipStore().locate(original.path("clipKey").asText()));
            assertThat(original.path("sha256").asText()).isEqualTo(sha256(stored));
            assertThat(original.path("providerJobId").asText()).startsWith("anim-");
        });
    }

    @Test
    @Order(2)
    void mugDropAgain_isACacheHitWithZeroSubmissions() throws IOException {
        int before = provider.submissions();

        ExecutionResult result = run("mug-drop.json", "mug-second", new ArrayList<>());

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("cacheHit").asBoolean()).isTrue();
        assertThat(result.output().path("providerSubmissions").asInt()).isZero();
        assertThat(provider.submissions()).isEqualTo(before);
        assertThat(stack.jobStore().find("mug-second").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @ParameterizedTest
    @CsvSource({
        "invalid-duration.json, settings.durationSeconds",
        "invalid-aspect-ratio.json, settings.aspectRatio",
        "invalid-unknown-field.json, setings",
        "invalid-real-person.json, real person",
        "invalid-hybrid-style.json, settings.style",
        "invalid-retired-model.json, provider.model",
        "invalid-malformed.json, not valid JSON"
    })
    void invalidSample_isRejectedAndRecordedWithItsReason(String sample, String reasonMentions) throws IOException {
        String name = "rejected-" + sample.replace(".json", "");
        List<String> states = new ArrayList<>();
        int before = provider.submissions();

        ExecutionResult result = run(sample, name, states);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("Reelforge.RequestRejected");
        assertThat(states).containsExactly("Validate", "MarkRejected", "Rejected");
        JobRecord job = stack.jobStore().find(name).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.REJECTED);
        assertThat(job.reason()).contains(reasonMentions).doesNotContain("at dev.reelforge");
        assertThat(provider.submissions()).isEqualTo(before);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
