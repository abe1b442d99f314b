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
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Edit resolution: which job an edit starts from, what its first round is, and every refusal. */
class EditStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final RequestParser parser = new RequestParser(JSON);
    private final RequestValidator validator =
            new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic"));
    private final ValidateStep validate = new ValidateStep(parser, validator, jobs, cache, clock);
    private final EditStep edits = new EditStep(validator, jobs, cache, clock);

    /** A finished mug-drop job whose second clip of its only round was accepted. */
    private JobRecord finished(String jobId, ObjectNode request) {
        RenderRequest parsed = parser.parse(request);
        validate.run(parsed, jobId);
        String best = "clips/demo/" + jobId + "/1/1.mp4";
        return jobs.update(
                jobId,
                r -> r.withStatus(JobStatus.SUCCEEDED, "", clock.instant())
                        .withDetail(r.detail()
                                .withAttempt(AttemptDetail.reviewed(
                                        1,
                                        Verdict.PASS,
                                        "all checks pass",
                                        best,
                                        List.of(),
                                        List.of(
                                                new AttemptDetail.Original(
                                                        "clips/demo/" + jobId + "/1/0.mp4", "p-0", "aa"),
                                                new AttemptDetail.Original(best, "p-1", "bb"))))));
    }

    private ObjectNode mugDrop() throws IOException {
        return (ObjectNode) JSON.readTree(MUG_DROP.toFile());
    }

    private EditRequest edit(String json) throws IOException {
        return EditRequest.parse(JSON.readTree(json));
    }

    @Test
    void remix_modelWithoutRemix_regeneratesWithTheInstructionInThePrompt() throws IOException {
        JobRecord original = finished("mug-1", mugDrop());

        EditStep.Edited edited = edits.run(
                edit("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"remix\":\"Turn the ceramic mug into a glass mug.\"}"),
                "mug-1-v2");

        assertThat(edited.review().nextMode()).isEqualTo(RoundMode.REGENERATE);
        assertThat(edited.review().nextPrompt())
                .startsWith(original.detail().request().prompt())
                .endsWith("\nTurn the ceramic mug into a glass mug.");
        assertThat(edited.request().prompt()).isEqualTo(edited.review().nextPrompt());
        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.REMIX);
        assertThat(edited.job().cacheHit()).isFalse();
        assertThat(edited.job().cacheKey()).isNotEqualTo(original.cacheKey());
        assertThat(edited.job().estimatedCostUsd()).isZero();
        JobRecord version = jobs.find("mug-1-v2").orElseThrow();
        assertThat(version.status()).isEqualTo(JobStatus.RENDERING);
        assertThat(version.detail().version().versionOf()).isEqualTo("mug-1");
        assertThat(version.detail().version().sourceClipKey()).isEqualTo("clips/demo/mug-1/1/1.mp4");
        assertThat(version.detail().version().edit()).isEqualTo("remix: Turn the ceramic mug into a glass mug.");
        JobRecord after = jobs.find("mug-1").orElseThrow();
        assertThat(after.detail().versions()).containsExactly("mug-1-v2");
        assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(after.outputs()).isEqualTo(original.outputs());
        assertThat(after.detail().attempts()).isEqualTo(original.detail().attempts());
    }

    /** The bundled catalog with the animatic priced and able to remix, as a provider whose data says so. */
    private static RequestValidator remixingValidator() throws IOException {
        ObjectNode root;
        try (var in = CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        for (var model : root.withArray("models")) {
            if (model.path("provider").asText().equals("animatic")) {
                ((ObjectNode) model).put("remix", true).put("pricePerSecondUsd", 0.05);
            }
        }
        return new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.parse(root), Set.of("animatic"));
    }

    @Test
    void remix_modelWithRemix_remixesTheAcceptedClipAtTheProvider() throws IOException {
        finished("mug-1", mugDrop());
        EditStep remixing = new EditStep(remixingValidator(), jobs, cache, clock);

        EditStep.Edited edited =
                remixing.run(edit("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"remix\":\"a glass mug\"}"), "mug-1-v2");

        assertThat(edited.review().nextMode()).isEqualTo(RoundMode.REMIX);
        assertThat(edited.review().bestProviderJobId()).isEqualTo("p-1");
        assertThat(edited.review().nextInstruction()).isEqualTo("a glass mug");
        assertThat(edited.request().prompt()).doesNotContain("a glass mug");
        assertThat(edited.job().pricePerClipUsd()).isEqualTo(0.05 * 6);
        assertThat(edited.job().estimatedCostUsd())
                .as("one remixed clip, not the request's two variations")
                .isEqualTo(edited.job().pricePerClipUsd());
    }

    @Test
    void recut_expand_plansTheSegmentsAndAnEightSecondSingleAttemptReview() throws IOException {
        finished("mug-1", mugDrop());

        EditStep.Edited edited = edits.run(
                edit("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"recut\":{\"expand\":[\"00:02-00:03=00:02-00:05\"]}}"),
                "mug-1-v2");

        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.RECUT);
        assertThat(edited.edit().sourceClipKey()).isEqualTo("clips/demo/mug-1/1/1.mp4");
        assertThat(edited.edit().sourceSha256()).isEqualTo("bb");
        assertThat(edited.edit().segments()).hasSize(3);
        assertThat(edited.request().settings().durationSeconds()).isEqualTo(8.0);
        assertThat(edited.request().maxAttempts()).isEqualTo(1);
        assertThat(edited.job().estimatedCostUsd()).isZero();
        assertThat(edited.review().nextMode()).isEqualTo(RoundMode.INITIAL);
    }

    @Test
    void run_unknownJob_otherTenantsJob_andUnfinishedJob_areRefusedNamingEditOf() throws IOException {
        finished("mug-1", mugDrop());
        validate.run(parser.parse(mugDrop()), "mug-running");

        assertThatThrownBy(() -> edits.run(edit("{\"of\":\"nope\",\"tenant\":\"demo\",\"remix\":\"x\"}"), "e-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.of")
                .hasMessageContaining("no job nope for tenant demo");
        assertThatThrownBy(() -> edits.run(edit("{\"of\":\"mug-1\",\"tenant\":\"rival\",\"remix\":\"x\"}"), "e-2"))
                .hasMessageContaining("no job mug-1 for tenant rival");
        assertThatThrownBy(() -> edits.run(edit("{\"of\":\"mug-running\",\"tenant\":\"demo\",\"remix\":\"x\"}"), "e-3"))
                .hasMessageContaining("is RENDERING; only a job that finished");
        assertThat(jobs.find("e-1")).isEmpty();
        assertThat(jobs.find("mug-1").orElseThrow().detail().versions()).isEmpty();
    }

    @Test
    void recut_resultOverTheModelsLongestClip_isRefusedBeforeAnyJobOpens() throws IOException {
        finished("mug-1", mugDrop());

        assertThatThrownBy(() -> edits.run(
                        edit("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"recut\":{\"retime\":[\"00:00-00:06=2\"]}}"),
                        "mug-1-v2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.recut.retime[0]")
                .hasMessageContaining("over the model's longest clip");
        assertThat(jobs.find("mug-1-v2")).isEmpty();
    }

    @Test
    void remix_ofASequenceTheCacheAnsweredWhole_isRefusedByItsRequest() throws IOException {
        ObjectNode twoShots = (ObjectNode) JSON.readTree(
                Path.of("../../events/requests/three-shot-bottle.json").toFile());
        twoShots.put("continuous", false);
        twoShots.put(
                "prompt",
                "A green glass bottle on a walnut table, warm lamp light from the right.\n00:00–00:05: Wide shot: the"
                        + " bottle stands on the table.\n00:05–00:10: Close-up: the bottle turns slowly.");
        ((ObjectNode) twoShots.path("settings")).put("durationSeconds", 10);
        finished("seq-2", twoShots);

        assertThatThrownBy(() -> edits.run(edit("{\"of\":\"seq-2\",\"tenant\":\"demo\",\"remix\":\"glass\"}"), "s-3"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.of")
                .hasMessageContaining("sequence rendered shot by shot");
        assertThat(jobs.find("s-3")).isEmpty();
    }

    @Test
    void remixAndRecut_ofASequence_areRefusedNamingEditOf() throws IOException {
        finished("seq-1", mugDrop());
        jobs.update(
                "seq-1",
                r -> r.withDetail(r.detail()
                        .withAttempt(AttemptDetail.reviewed(
                                        2,
                                        Verdict.PASS,
                                        "shot 2 passes",
                                        "clips/demo/seq-1/2/0.mp4",
                                        List.of(),
                                        List.of())
                                .ofShot(2))));

        assertThatThrownBy(() -> edits.run(edit("{\"of\":\"seq-1\",\"tenant\":\"demo\",\"remix\":\"glass\"}"), "s-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.of")
                .hasMessageContaining("sequence rendered shot by shot");
        assertThatThrownBy(() -> edits.run(
                        edit("{\"of\":\"seq-1\",\"tenant\":\"demo\",\"recut\":{\"trim\":\"00:00-00:05\"}}"), "s-2"))
                .hasMessageContaining("change its storyboard instead (edit.storyboard)");
        assertThat(jobs.find("s-1")).isEmpty();
        assertThat(jobs.find("s-2")).isEmpty();
    }
}
