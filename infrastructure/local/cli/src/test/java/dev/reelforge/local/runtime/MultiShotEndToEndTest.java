package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.MediaPlan;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storyboard of three shots on the real render.asl.json and the local stack with the animatic: the {@code Shots}
 * Map renders one provider job per shot, re-renders only the shot a defect was aimed at, and the media task
 * stitches the accepted shots; a shot clip that is gone when the media task runs fails the render by name.
 */
class MultiShotEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "A red enamel kettle on a gas stove in a sunlit kitchen.\n"
            + "00:00–00:05: Wide shot: the kettle sits on the stove.\n"
            + "00:05–00:10: Medium shot: steam rises from the spout.\n"
            + "00:10–00:15: Cut to a wide shot: a hand lifts the kettle.\n"
            + "Audio: quiet kitchen room tone throughout";

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

    private static ObjectNode input(String id, String... defects) {
        ObjectNode input = AnimaticRenderInput.of(id, PROMPT, 3);
        ObjectNode request = (ObjectNode) input.get("request");
        ((ObjectNode) request.get("settings")).put("durationSeconds", 15);
        var list = request.putArray("defects");
        for (String d : defects) {
            list.add(d);
        }
        return input;
    }

    private static ExecutionResult run(ObjectNode input, String id, List<String> states, ExecutionListener also) {
        return workflow.render(input, id, new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                if (event.type().endsWith("StateEntered")) {
                    states.add(event.details()
                            .path("stateEnteredEventDetails")
                            .path("name")
                            .asText());
                }
                also.onEvent(event);
            }
        });
    }

    @Test
    void threeShots_defectInShotTwo_onlyShotTwoReRenderedThenStitched() throws IOException {
        int before = provider.submissions();
        List<String> states = new ArrayList<>();

        ExecutionResult result =
                run(input("shots-blur-2", "blur:0.8@2"), "shots-blur-2", states, new ExecutionListener() {});

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JobRecord job = stack.jobStore().find("shots-blur-2").orElseThrow();
        JsonNode attempts = JSON.valueToTree(job.detail()).path("attempts");
        List<String> shotAttempts = new ArrayList<>();
        attempts.forEach(a -> shotAttempts.add(
                a.path("shot").asInt() + "/" + a.path("attempt").asInt()));
        assertThat(shotAttempts)
                .as(
                        "shot/attempt: each shot owns 3 attempt numbers; only shot 2 is re-rendered, once: %s",
                        summary("shots-blur-2"))
                .containsExactly("1/1", "2/4", "2/5", "3/7");
        assertThat(provider.submissions() - before)
                .as("3 shots + 1 re-render of shot 2")
                .isEqualTo(4);
        assertThat(job.providerSubmissions()).isEqualTo(4);
        assertThat(result.output().path("providerSubmissions").asInt()).isEqualTo(4);
        assertThat(states).containsSubsequence("Validate", "Shots", "SequenceReview", "PostProcess", "RenderMedia");
        assertThat(states).doesNotContain("Submit", "ReviewScore");
        assertThat(states.stream().filter("ShotSubmit"::equals)).hasSize(4);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(result.output().path("verdict").asText()).isEqualTo("pass");
        assertThat(attempts.get(1).path("verdict").asText()).isEqualTo("regenerate");
        assertThat(failed(attempts.get(1))).containsExactly("blur");
        assertThat(attempts.get(2).path("verdict").asText()).isEqualTo("pass");
        assertThat(failed(attempts.get(2))).isEmpty();
        assertThat(checkNames(attempts.get(2))).contains("continuity", "colour-drift");
        assertThat(failed(attempts.get(3))).isEmpty();

        MediaPlan plan = JSON.readValue(
                Files.readAllBytes(Path.of(stack.clipStore().locate(StorageKeys.mediaPlan("demo", "shots-blur-2")))),
                MediaPlan.class);
        assertThat(plan.beatClipKeys())
                .containsExactly(
                        attempts.get(0).path("bestClipKey").asText(),
                        attempts.get(2).path("bestClipKey").asText(),
                        attempts.get(3).path("bestClipKey").asText());

        JsonNode report = JSON.readTree(Files.readString(
                Path.of(stack.clipStore().locate(result.output().path("report").asText()))));
        List<Boolean> reRendered = new ArrayList<>();
        report.path("shots").forEach(s -> reRendered.add(s.path("reRendered").asBoolean()));
        assertThat(reRendered).containsExactly(false, true, false);
        assertThat(report.path("joins")).hasSize(2);
        assertThat(report.path("joins").findValuesAsText("transition")).containsOnly("crossfade");
        assertThat(report.path("joins").get(0).path("atSeconds").asDouble()).isEqualTo(4.75);
        assertThat(report.path("joins").get(1).path("atSeconds").asDouble()).isEqualTo(9.25);
        assertThat(job.detail().warnings())
                .anySatisfy(
                        w -> assertThat(w).contains("shot 2 joins with a cut").contains("not built yet"));

        JsonNode media = JSON.readTree(
                Files.readString(Path.of(stack.clipStore().locate(StorageKeys.mediaResult("demo", "shots-blur-2")))));
        media.path("joins")
                .forEach(j ->
                        System.out.println("join review: " + j.path("detail").asText()));
        assertThat(media.path("joins"))
                .as("the stitched clip is reviewed at each join")
                .hasSize(2);
        assertThat(media.path("joins").findValuesAsText("transition")).containsOnly("crossfade");
        assertThat(media.path("joins").findValues("passed"))
                .allSatisfy(p -> assertThat(p.asBoolean()).isTrue());
        assertThat(media.path("joins").get(1).path("index").asInt()).isEqualTo(2);

        ProbeResult stitched = new FfprobeClipProbe(Ffmpeg.bundled())
                .probe(Path.of(stack.clipStore()
                        .locate(result.output()
                                .path("outputs")
                                .get(0)
                                .path("key")
                                .asText())));
        assertThat(stitched.durationSeconds())
                .as("three 5 s shots, two 0.5 s crossfades")
                .isCloseTo(14.0, org.assertj.core.data.Offset.offset(1 / 24.0 + 0.01));
    }

    @Test
    void threeShots_shotClipGoneBeforeTheStitch_failsAtTheMediaTask() {
        List<String> states = new ArrayList<>();
        ExecutionListener removeShotTwo = new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                if (event.type().equals("TaskStateEntered")
                        && event.details()
                                .path("stateEnteredEventDetails")
                                .path("name")
                                .asText()
                                .equals("RenderMedia")) {
                    JsonNode attempts = JSON.valueToTree(stack.jobStore()
                                    .find("shots-stitch-fails")
                                    .orElseThrow()
                                    .detail())
                            .path("attempts");
                    try {
                        Files.delete(Path.of(stack.clipStore()
                                .locate(attempts.get(attempts.size() - 1)
                                        .path("bestClipKey")
                                        .asText())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        ExecutionResult result = run(input("shots-stitch-fails"), "shots-stitch-fails", states, removeShotTwo);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("Reelforge.RenderFailed");
        assertThat(result.cause())
                .as("the media task names the shot clip it could not read")
                .contains("No object clips/demo/shots-stitch-fails/");
        assertThat(states).containsSubsequence("Shots", "SequenceReview", "PostProcess", "RenderMedia", "MarkFailed");
        assertThat(states).doesNotContain("Finalize");
        assertThat(stack.jobStore().find("shots-stitch-fails").orElseThrow().status())
                .isEqualTo(JobStatus.FAILED);
    }

    private static String summary(String jobId) {
        List<String> lines = new ArrayList<>();
        JSON.valueToTree(stack.jobStore().find(jobId).orElseThrow().detail())
                .path("attempts")
                .forEach(a -> lines.add("shot " + a.path("shot").asInt() + " attempt "
                        + a.path("attempt").asInt() + " " + a.path("verdict").asText() + " failed " + failed(a)));
        return String.join("; ", lines);
    }

    private static List<String> failed(JsonNode attempt) {
        List<String> names = new ArrayList<>();
        attempt.path("clips")
                .forEach(clip -> clip.path("checks").forEach(c -> {
                    if (!c.path("passed").asBoolean()) {
                        names.add(c.path("name").asText());
                    }
                }));
        return names;
    }

    private static List<String> checkNames(JsonNode attempt) {
        return attempt.path("clips").get(0).path("checks").findValuesAsText("name");
    }
}
