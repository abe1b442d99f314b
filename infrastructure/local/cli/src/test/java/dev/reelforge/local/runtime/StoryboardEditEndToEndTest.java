package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
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
 * Issue 19's storyboard edit on the real render.asl.json and the local stack with the animatic: a three-shot job,
 * then a new storyboard that changes only its last shot. The edit's {@code Shots} Map submits one provider job (the
 * changed shot, chained from the original's accepted shot 2), reuses the two unchanged clips, stitches all three and
 * is post-processed as a new version linked on both records and in the signed provenance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryboardEditEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "A red enamel kettle on a gas stove in a sunlit kitchen.\n"
            + "00:00–00:05: Wide shot: the kettle sits on the stove.\n"
            + "00:05–00:10: Medium shot: steam rises from the spout.\n";
    private static final String LAST = "00:10–00:15: Cut to a wide shot: a hand lifts the kettle.\n";
    private static final String NEW_LAST = "00:10–00:15: Cut to a close-up: the kettle pours into a cup.\n";

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

    /** One attempt per shot: every shot that renders is exactly one provider job, whatever its review says. */
    private static ObjectNode original() {
        ObjectNode input = AnimaticRenderInput.of("kettle-sb", HEAD + LAST + "Audio: quiet kitchen room tone", 1);
        ((ObjectNode) input.get("request").get("settings")).put("durationSeconds", 15);
        return input;
    }

    private static ObjectNode storyboardEdit(String of, String prompt) {
        ObjectNode input = JSON.createObjectNode();
        ObjectNode edit = input.putObject("edit").put("of", of).put("tenant", "demo");
        edit.putObject("storyboard").put("prompt", prompt);
        return input;
    }

    private static ExecutionResult run(ObjectNode input, String id, List<String> states) {
        return workflow.render(input, id, new ExecutionListener() {
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
    void storyboardEdit_lastShotChanged_rendersOnlyThatShotAndReusesTheOthers() throws IOException {
        List<String> first = new ArrayList<>();
        ExecutionResult rendered = run(original(), "kettle-sb", first);
        assertThat(rendered.status())
                .as("%s: %s", rendered.error(), rendered.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(animatic.submitted()).hasSize(3);
        JobRecord source = stack.jobStore().find("kettle-sb").orElseThrow();
        List<String> sourceClips = acceptedClips(source);
        int before = animatic.submitted().size();
        List<String> states = new ArrayList<>();

        ExecutionResult result = run(
                storyboardEdit("kettle-sb", HEAD + NEW_LAST + "Audio: quiet kitchen room tone"),
                "kettle-sb-v2",
                states);

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JobRecord version = stack.jobStore().find("kettle-sb-v2").orElseThrow();
        int changedShots = 1;
        assertThat(animatic.submitted().size() - before)
                .as("provider jobs of the edit")
                .isEqualTo(changedShots);
        assertThat(version.providerSubmissions()).isEqualTo(changedShots);
        assertThat(result.output().path("providerSubmissions").asInt()).isEqualTo(changedShots);
        assertThat(states.stream().filter("ShotSubmit"::equals)).hasSize(changedShots);
        assertThat(states.stream().filter("ShotReused?"::equals)).hasSize(3);
        assertThat(states).containsSubsequence("Validate", "Shots", "SequenceReview", "PostProcess", "Finalize");
        GenerationSpec shot3 = animatic.submitted().get(animatic.submitted().size() - 1);
        assertThat(shot3.prompt()).contains("pours into a cup");
        assertThat(Path.of(shot3.referenceImage()).getFileName().toString())
                .as("chained from the original's accepted shot 2")
                .isEqualTo("demo-kettle-sb-shots-2-last-frame.png");

        MediaPlan plan = JSON.readValue(
                Files.readAllBytes(Path.of(stack.clipStore().locate(StorageKeys.mediaPlan("demo", "kettle-sb-v2")))),
                MediaPlan.class);
        assertThat(plan.beatClipKeys()).hasSize(3);
        assertThat(plan.beatClipKeys().subList(0, 2)).isEqualTo(sourceClips.subList(0, 2));
        assertThat(plan.beatClipKeys().get(2)).startsWith("clips/demo/kettle-sb-v2/");
        JsonNode report = JSON.readTree(Files.readString(
                Path.of(stack.clipStore().locate(result.output().path("report").asText()))));
        assertThat(report.path("shots").findValuesAsText("reusedFrom")).containsExactly("kettle-sb#1", "kettle-sb#2");

        assertThat(version.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(version.detail().version().versionOf()).isEqualTo("kettle-sb");
        assertThat(version.detail().version().edit()).contains("renders shots 3");
        assertThat(stack.jobStore().find("kettle-sb").orElseThrow().detail().versions())
                .containsExactly("kettle-sb-v2");
        JsonNode provenance =
                JSON.readTree(Path.of(stack.clipStore().locate("outputs/demo/kettle-sb-v2/provenance.json"))
                        .toFile());
        assertThat(provenance.path("versionOf").path("jobId").asText()).isEqualTo("kettle-sb");
        assertThat(provenance.path("versionOf").path("edit").asText()).startsWith("storyboard ");
    }

    @Test
    @Order(2)
    void storyboardEdit_sameStoryboard_isRejectedWithoutAProviderJob() {
        int before = animatic.submitted().size();
        List<String> states = new ArrayList<>();

        ExecutionResult result = run(
                storyboardEdit("kettle-sb", HEAD + LAST + "Audio: quiet kitchen room tone"), "kettle-sb-same", states);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.cause()).contains("edit.storyboard").contains("every shot is the same");
        assertThat(states).contains("MarkRejected").doesNotContain("Shots");
        assertThat(animatic.submitted()).hasSize(before);
    }

    /** Each shot's accepted clip on a sequence's record, in shot order. */
    private static List<String> acceptedClips(JobRecord record) {
        List<String> clips = new ArrayList<>(List.of("", "", ""));
        JsonNode attempts = JSON.valueToTree(record.detail()).path("attempts");
        attempts.forEach(a -> {
            if (a.path("verdict").asText().matches("pass|give-up-accept")) {
                clips.set(a.path("shot").asInt() - 1, a.path("bestClipKey").asText());
            }
        });
        return clips;
    }
}
