package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Storyboard edits: which shots of the new storyboard render, which reuse the earlier clip, and every refusal. */
class StoryboardEditStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "A red enamel kettle on a gas stove in a sunlit kitchen.\n";
    private static final String SHOT_1 = "00:00–00:05: Wide shot: the kettle sits on the stove.\n";
    private static final String SHOT_2 = "00:05–00:10: Medium shot: steam rises from the spout.\n";
    private static final String SHOT_3 = "00:10–00:15: Cut to a wide shot: a hand lifts the kettle.\n";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final RequestParser parser = new RequestParser(JSON);

    private EditStep edits(boolean firstFrame) throws IOException {
        return new EditStep(validator(firstFrame), jobs, new InMemoryPromptCache(), clock);
    }

    /** The bundled catalog with the animatic priced, taking a first frame (chained shots) or not. */
    private static RequestValidator validator(boolean firstFrame) throws IOException {
        ObjectNode root;
        try (var in = CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        for (var model : root.withArray("models")) {
            if (model.path("provider").asText().equals("animatic")) {
                ((ObjectNode) model).put("firstFrame", firstFrame).put("pricePerSecondUsd", 0.02);
            }
        }
        return new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.parse(root), Set.of("animatic"));
    }

    private static ObjectNode request(String prompt, double seconds) {
        ObjectNode request = JSON.createObjectNode();
        request.put("tenant", "demo").put("clientRequestId", "kettle-1").put("prompt", prompt);
        request.putObject("settings")
                .put("aspectRatio", "9:16")
                .put("durationSeconds", seconds)
                .put("resolution", "360p")
                .put("variations", 1);
        request.putObject("provider").put("name", "animatic");
        return request;
    }

    /** A finished job of {@code shots} shots, each accepted on its own first attempt. */
    private JobRecord finishedSequence(String jobId, ObjectNode request, boolean firstFrame) throws IOException {
        RenderRequest parsed = parser.parse(request);
        new ValidateStep(parser, validator(firstFrame), jobs, new InMemoryPromptCache(), clock).validate(parsed, jobId);
        int shots = dev.reelforge.core.scene.ScenePlan.of(parsed).shots().size();
        return jobs.update(jobId, r -> {
            JobRecord done = r.withStatus(JobStatus.SUCCEEDED, "", clock.instant());
            for (int shot = 1; shot <= shots; shot++) {
                int attempt = (shot - 1) * 3 + 1;
                String clip = "clips/demo/" + jobId + "/" + attempt + "/0.mp4";
                done = done.withDetail(done.detail()
                        .withAttempt(AttemptDetail.submitted(
                                        attempt, dev.reelforge.core.review.RoundMode.INITIAL, "", List.of("p"), 0.1)
                                .ofShot(shot))
                        .withAttempt(AttemptDetail.reviewed(
                                        attempt,
                                        Verdict.PASS,
                                        "ok",
                                        clip,
                                        List.of(),
                                        List.of(new AttemptDetail.Original(clip, "p-" + attempt, "s" + attempt)))
                                .ofShot(shot)));
            }
            return done;
        });
    }

    private static EditRequest storyboard(String of, String prompt, double seconds) {
        ObjectNode edit = JSON.createObjectNode().put("of", of).put("tenant", "demo");
        ObjectNode board = edit.putObject("storyboard").put("prompt", prompt);
        if (seconds > 0) {
            board.put("durationSeconds", seconds);
        }
        return EditRequest.parse(edit);
    }

    private static List<Boolean> reused(EditStep.Edited edited) {
        return edited.shots().stream().map(ShotItem::reused).toList();
    }

    @Test
    void run_chainedShotTwoChanged_reusesShotOneAndRendersTwoAndThreeFromShotOnesLastFrame() throws IOException {
        JobRecord original = finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), true);

        EditStep.Edited edited = edits(true)
                .run(
                        storyboard(
                                "kettle",
                                HEAD + SHOT_1 + "00:05–00:10: Medium shot: the kettle whistles.\n" + SHOT_3,
                                0),
                        "kettle-v2");

        assertThat(reused(edited))
                .as("shot 3 is chained after the changed shot 2")
                .containsExactly(true, false, false);
        ShotItem first = edited.shots().get(0);
        assertThat(first.review().verdict()).isEqualTo(Verdict.PASS);
        assertThat(first.review().bestClipKey()).isEqualTo("clips/demo/kettle/1/0.mp4");
        ShotItem second = edited.shots().get(1);
        assertThat(second.job().shot().previousFrameKey("demo", "kettle-v2"))
                .isEqualTo("jobs/demo/kettle/shots/1/last-frame.png");
        assertThat(second.round().attempt()).isEqualTo(3);
        assertThat(edited.shots().get(2).job().shot().previousFrameKey("demo", "kettle-v2"))
                .isEqualTo("jobs/demo/kettle-v2/shots/2/last-frame.png");
        assertThat(edited.job().estimatedCostUsd())
                .as("two 5 s shots at $0.02/s")
                .isCloseTo(0.2, within());
        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.STORYBOARD);
        JobRecord version = jobs.find("kettle-v2").orElseThrow();
        assertThat(version.detail().version().versionOf()).isEqualTo("kettle");
        assertThat(version.detail().version().edit())
                .contains("renders shots 2, 3")
                .contains("reuses shots 1");
        assertThat(version.detail().version().reusedShots())
                .containsExactly(new ReusedShot(
                        1,
                        "kettle",
                        1,
                        "clips/demo/kettle/1/0.mp4",
                        "jobs/demo/kettle/shots/1/last-frame.png",
                        Verdict.PASS));
        assertThat(version.detail().request().prompt()).contains("the kettle whistles");
        JobRecord after = jobs.find("kettle").orElseThrow();
        assertThat(after.detail().versions()).containsExactly("kettle-v2");
        assertThat(after.detail().attempts()).isEqualTo(original.detail().attempts());
    }

    @Test
    void run_unchainedShotTwoChanged_rendersOnlyShotTwo() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), false);

        EditStep.Edited edited = edits(false)
                .run(
                        storyboard(
                                "kettle",
                                HEAD + SHOT_1 + "00:05–00:10: Medium shot: the kettle whistles.\n" + SHOT_3,
                                0),
                        "kettle-v2");

        assertThat(reused(edited)).containsExactly(true, false, true);
        assertThat(edited.shots().get(2).review().bestClipKey()).isEqualTo("clips/demo/kettle/7/0.mp4");
        assertThat(edited.job().estimatedCostUsd()).isCloseTo(0.1, within());
    }

    @Test
    void run_unchainedShotsSwapped_reusesBothClipsInTheNewOrderWithoutRendering() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), false);
        String third = "00:05–00:10: Cut to a wide shot: a hand lifts the kettle.\n";
        String second = "00:10–00:15: Medium shot: steam rises from the spout.\n";

        EditStep.Edited edited = edits(false).run(storyboard("kettle", HEAD + SHOT_1 + third + second, 0), "kettle-v2");

        assertThat(reused(edited)).containsExactly(true, true, true);
        assertThat(edited.shots())
                .extracting(i -> i.review().bestClipKey())
                .containsExactly("clips/demo/kettle/1/0.mp4", "clips/demo/kettle/7/0.mp4", "clips/demo/kettle/4/0.mp4");
        assertThat(edited.job().estimatedCostUsd()).isZero();
    }

    @Test
    void run_shotAppended_reusesEveryShotBeforeAndChainsTheNewOneFromTheOldLastShot() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), true);

        EditStep.Edited edited = edits(true)
                .run(
                        storyboard(
                                "kettle",
                                HEAD + SHOT_1 + SHOT_2 + SHOT_3 + "00:15–00:20: Close-up: steam fogs the window.\n",
                                20),
                        "kettle-v2");

        assertThat(reused(edited)).containsExactly(true, true, true, false);
        assertThat(edited.shots().get(3).job().shot().previousFrameKey("demo", "kettle-v2"))
                .isEqualTo("jobs/demo/kettle/shots/3/last-frame.png");
        assertThat(edited.request().settings().durationSeconds()).isEqualTo(20);
    }

    @Test
    void run_editOfAnEdit_findsAReusedShotOnTheJobThatRenderedIt() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), false);
        String whistles = "00:05–00:10: Medium shot: the kettle whistles.\n";
        EditStep step = edits(false);
        step.run(storyboard("kettle", HEAD + SHOT_1 + whistles + SHOT_3, 0), "kettle-v2");
        jobs.update(
                "kettle-v2",
                r -> r.withStatus(JobStatus.SUCCEEDED, "", clock.instant())
                        .withDetail(r.detail()
                                .withAttempt(AttemptDetail.reviewed(
                                                4,
                                                Verdict.PASS,
                                                "ok",
                                                "clips/demo/kettle-v2/4/0.mp4",
                                                List.of(),
                                                List.of())
                                        .ofShot(2))));

        EditStep.Edited third = step.run(
                storyboard("kettle-v2", HEAD + SHOT_1 + whistles + "00:10–00:15: Wide shot: the kettle is gone.\n", 0),
                "kettle-v3");

        assertThat(reused(third)).containsExactly(true, true, false);
        assertThat(third.shots().get(0).review().bestClipKey()).isEqualTo("clips/demo/kettle/1/0.mp4");
        assertThat(third.shots().get(1).review().bestClipKey()).isEqualTo("clips/demo/kettle-v2/4/0.mp4");
        assertThat(jobs.find("kettle-v3").orElseThrow().detail().version().reusedShots())
                .extracting(ReusedShot::fromJob)
                .containsExactly("kettle", "kettle-v2");
    }

    @Test
    void run_sameStoryboard_isRefusedNamingTheField() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), true);

        assertThatThrownBy(() -> edits(true).run(storyboard("kettle", HEAD + SHOT_1 + SHOT_2 + SHOT_3, 0), "v2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.storyboard")
                .hasMessageContaining("every shot is the same");
        assertThat(jobs.find("v2")).isEmpty();
    }

    @Test
    void run_singleClipOriginal_isRefused() throws IOException {
        finishedSequence("one", request(HEAD + "00:00–00:06: Wide shot: the kettle sits on the stove.\n", 6), true);

        assertThatThrownBy(() -> edits(true).run(storyboard("one", HEAD + SHOT_1 + SHOT_2, 10), "one-v2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.storyboard")
                .hasMessageContaining("rendered as one clip");
    }

    @Test
    void run_newStoryboardOfOneShot_isRefused() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), true);

        assertThatThrownBy(() -> edits(true).run(storyboard("kettle", HEAD + SHOT_1, 5), "v2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.storyboard.prompt")
                .hasMessageContaining("has one shot");
    }

    @Test
    void run_beatPastTheNewDuration_namesTheStoryboardField() throws IOException {
        finishedSequence("kettle", request(HEAD + SHOT_1 + SHOT_2 + SHOT_3, 15), true);

        assertThatThrownBy(() -> edits(true).run(storyboard("kettle", HEAD + SHOT_1 + SHOT_2 + SHOT_3, 10), "v2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.storyboard.");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
