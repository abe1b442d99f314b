package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's prompt cache for sequences on the real render.asl.json and the local stack with the animatic: a
 * three-shot storyboard renders three provider jobs; the same request again is a cache hit that submits nothing and
 * stitches the cached shot originals again; a request that changes only the last shot submits that shot alone,
 * chained from the cached shot 2's last frame.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SequenceCacheEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "A blue teapot on a wooden table by a window.\n"
            + "00:00–00:05: Wide shot: the teapot sits on the table.\n"
            + "00:05–00:10: Medium shot: steam curls from the spout.\n";
    private static final String LAST = "00:10–00:15: Cut to a wide shot: a hand lifts the teapot.\n";
    private static final String NEW_LAST = "00:10–00:15: Cut to a close-up: tea pours into a cup.\n";
    private static final String AUDIO = "Audio: quiet room tone";

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static CountingProvider animatic;
    private static LocalWorkflow workflow;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
        animatic = new CountingProvider(new AnimaticProvider(dataDir.resolve("animatic")));
        workflow = new LocalWorkflow(stack, dataDir, EngineClock.system(), Map.of("animatic", animatic));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static ObjectNode request(String id, String storyboard) {
        ObjectNode input = AnimaticRenderInput.of(id, storyboard + AUDIO, 1);
        ((ObjectNode) input.get("request").get("settings")).put("durationSeconds", 15);
        return input;
    }

    private static ExecutionResult run(ObjectNode input, String id, List<String> states) {
        ExecutionResult result = workflow.render(input, id, new ExecutionListener() {
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
        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        return result;
    }

    private static MediaPlan plan(String jobId) throws IOException {
        return JSON.readValue(
                Files.readAllBytes(Path.of(stack.clipStore().locate(StorageKeys.mediaPlan("demo", jobId)))),
                MediaPlan.class);
    }

    @Test
    @Order(1)
    void render_sameSequenceTwice_secondIsACacheHitWithNoProviderJob() throws IOException {
        run(request("teapot-1", HEAD + LAST), "teapot-1", new ArrayList<>());
        assertThat(animatic.submitted()).as("one provider job per shot").hasSize(3);
        List<String> states = new ArrayList<>();

        ExecutionResult again = run(request("teapot-2", HEAD + LAST), "teapot-2", states);

        assertThat(animatic.submitted()).as("no provider job for the repeat").hasSize(3);
        assertThat(again.output().path("cacheHit").asBoolean()).isTrue();
        assertThat(again.output().path("providerSubmissions").asInt()).isZero();
        assertThat(states).contains("CacheHit?", "PostProcess", "Finalize").doesNotContain("Shots", "ShotSubmit");
        assertThat(plan("teapot-2").beatClipKeys())
                .as("the cached shot originals, stitched again")
                .isEqualTo(plan("teapot-1").beatClipKeys())
                .hasSize(3);
        assertThat(again.output().path("report").asText()).isEqualTo(StorageKeys.report("demo", "teapot-1"));
        JobRecord repeat = stack.jobStore().find("teapot-2").orElseThrow();
        assertThat(repeat.providerSubmissions()).isZero();
        assertThat(repeat.outputs()).isNotEmpty();
    }

    @Test
    @Order(2)
    void render_lastShotChanged_submitsOnlyThatShotChainedFromTheCachedOne() throws IOException {
        int before = animatic.submitted().size();
        List<String> states = new ArrayList<>();

        ExecutionResult changed = run(request("teapot-3", HEAD + NEW_LAST), "teapot-3", states);

        assertThat(animatic.submitted().size() - before)
                .as("provider jobs of the changed request")
                .isEqualTo(1);
        assertThat(changed.output().path("cacheHit").asBoolean()).isFalse();
        assertThat(changed.output().path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(states.stream().filter("ShotSubmit"::equals)).hasSize(1);
        GenerationSpec shot3 = animatic.submitted().get(animatic.submitted().size() - 1);
        assertThat(shot3.prompt()).contains("tea pours into a cup");
        assertThat(Path.of(shot3.referenceImage()).getFileName().toString())
                .as("chained from the cached shot 2's last frame")
                .isEqualTo("demo-teapot-1-shots-2-last-frame.png");
        List<String> clips = plan("teapot-3").beatClipKeys();
        assertThat(clips.subList(0, 2))
                .isEqualTo(plan("teapot-1").beatClipKeys().subList(0, 2));
        assertThat(clips.get(2)).startsWith("clips/demo/teapot-3/");
        JsonNode report = JSON.readTree(Files.readString(
                Path.of(stack.clipStore().locate(changed.output().path("report").asText()))));
        assertThat(report.path("shots").findValuesAsText("reusedFrom")).containsExactly("teapot-1#1", "teapot-1#2");
        assertThat(stack.jobStore().find("teapot-3").orElseThrow().detail().cachedShots())
                .hasSize(2);
    }
}
