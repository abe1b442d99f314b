package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A re-cut that expands the clip's final span goes to the provider's extend where the capability data has one whose
 * output is the whole clip (Veo), and Submit sends it as {@code extend} of the accepted render; any other re-cut, and
 * Luma's continuation-only extend, stay in post-production.
 */
class ExtendEditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VEO_JOB =
            "projects/p/locations/us-central1/publishers/google/models/veo-3.1-generate-001/operations/op-1";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final RequestParser parser = new RequestParser(JSON);
    private final RequestValidator validator = pricedValidator();
    private final EditStep edits = new EditStep(validator, jobs, cache, clock);

    private static RequestValidator pricedValidator() {
        try (var in = CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            for (JsonNode model : root.withArray("models")) {
                ((ObjectNode) model).put("pricePerSecondUsd", 0.05);
            }
            return new RequestValidator(
                    ContentPolicy.load(JSON), CapabilityCatalog.parse(root), Set.of("animatic", "vertex-veo", "luma"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished job of {@code provider} whose one clip, {@code providerJobId}'s, was accepted. */
    private void finished(String jobId, String provider, double seconds, String aspect, String providerJobId) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", jobId)
                .put("prompt", "A red rubber ball bounces on a concrete floor, static wide shot.");
        request.putObject("provider").put("name", provider);
        request.putObject("settings").put("aspectRatio", aspect).put("durationSeconds", seconds);
        new ValidateStep(parser, validator, jobs, cache, clock).run(parser.parse(request), jobId);
        String best = "clips/demo/" + jobId + "/1/0.mp4";
        jobs.update(
                jobId,
                r -> r.withStatus(JobStatus.SUCCEEDED, "", clock.instant())
                        .withDetail(r.detail()
                                .withAttempt(AttemptDetail.reviewed(
                                        1,
                                        Verdict.PASS,
                                        "all checks pass",
                                        best,
                                        List.of(),
                                        List.of(new AttemptDetail.Original(best, providerJobId, "aa"))))));
    }

    private EditStep.Edited recut(String of, String ops) throws IOException {
        return edits.run(
                EditRequest.parse(
                        JSON.readTree("{\"of\": \"" + of + "\", \"tenant\": \"demo\", \"recut\": " + ops + "}")),
                of + "-v2");
    }

    @Test
    void recut_expandOfTheFinalSpanOnVeo_isTheProvidersExtendOfTheAcceptedRender() throws IOException {
        finished("ball-1", "vertex-veo", 6, "16:9", VEO_JOB);

        EditStep.Edited edited = recut("ball-1", "{\"expand\": [\"00:04-00:06=00:04-00:08\"]}");

        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.EXTEND);
        assertThat(edited.review().nextMode()).isEqualTo(RoundMode.EXTEND);
        assertThat(edited.review().bestProviderJobId()).isEqualTo(VEO_JOB);
        assertThat(edited.request().settings().durationSeconds()).isEqualTo(8);
        assertThat(edited.job().estimatedCostUsd()).isEqualTo(0.05 * 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void submit_extendRound_callsTheProvidersExtendWithTheSourceLengthAndRecordsTheMode() throws IOException {
        finished("ball-1", "vertex-veo", 6, "16:9", VEO_JOB);
        EditStep.Edited edited = recut("ball-1", "{\"expand\": [\"00:04-00:06=00:04-00:08\"]}");
        List<ExtendSpec> extended = new ArrayList<>();
        VideoProvider veo = new VideoProvider() {
            @Override
            public String name() {
                return "vertex-veo";
            }

            @Override
            public ProviderJob submit(GenerationSpec spec, String key) {
                throw new AssertionError("an extend round submits no generation");
            }

            @Override
            public ProviderJob extend(ExtendSpec spec, String key) {
                extended.add(spec);
                return new ProviderJob(VEO_JOB.replace("op-1", "op-2"), ProviderJob.State.QUEUED, 0, 5, "");
            }

            @Override
            public ProviderJob poll(String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void download(String id, Path target) {
                throw new UnsupportedOperationException();
            }
        };

        RenderRound round = new SubmitStep(name -> veo, jobs, JSON, clock)
                .run(edited.request(), edited.job(), RenderRound.notStarted(), edited.review());

        assertThat(extended).singleElement().satisfies(spec -> {
            assertThat(spec.sourceJobId()).isEqualTo(VEO_JOB);
            assertThat(spec.sourceSeconds()).isEqualTo(6);
            assertThat(spec.seconds()).isEqualTo(2);
            assertThat(spec.model()).isEqualTo("veo-3.1-generate-001");
        });
        assertThat(round.mode()).isEqualTo(RoundMode.EXTEND);
        assertThat(round.tasks())
                .singleElement()
                .satisfies(t -> assertThat(t.providerJobId()).endsWith("op-2"));
        JobRecord version = jobs.find("ball-1-v2").orElseThrow();
        assertThat(version.detail().attempts().get(0).mode()).isEqualTo(RoundMode.EXTEND);
    }

    @Test
    void recut_innerExpandOnVeo_staysInPostProduction() throws IOException {
        finished("ball-1", "vertex-veo", 6, "16:9", VEO_JOB);

        EditStep.Edited edited = recut("ball-1", "{\"expand\": [\"00:02-00:03=00:02-00:04\"]}");

        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.RECUT);
        assertThat(edited.job().warnings()).noneMatch(w -> w.contains("extend"));
    }

    @Test
    void recut_finalSpanExpandOnLuma_staysInPostProductionAndSaysWhy() throws IOException {
        finished("ray-1", "luma", 5, "9:16", "7c1e0f4a-0000-4000-8000-000000000001");

        EditStep.Edited edited = recut("ray-1", "{\"expand\": [\"00:03-00:05=00:03-00:10\"]}");

        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.RECUT);
        assertThat(edited.job().warnings())
                .anyMatch(w -> w.contains("luma/ray-3.2's extend returns the continuation alone (extend.output)"));
    }
}
