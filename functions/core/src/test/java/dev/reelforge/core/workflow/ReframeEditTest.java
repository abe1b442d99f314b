package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ReframeSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A reframe edit (another aspect ratio of a finished job) is the provider's reframe of its own render where the
 * capability data has {@code reframe} (Luma's {@code video_reframe}), sent by Submit as a {@code reframe} round, and is
 * refused, naming the model and the capability, everywhere else: Reelforge does not crop.
 */
class ReframeEditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAY_JOB = "7c1e0f4a-0000-4000-8000-000000000001";
    private static final String VEO_JOB =
            "projects/p/locations/us-central1/publishers/google/models/veo-3.1-generate-001/operations/op-1";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final RequestParser parser = new RequestParser(JSON);
    private final RequestValidator validator = pricedValidator();
    private final EditStep edits = new EditStep(validator, jobs, cache, clock);

    private static RequestValidator pricedValidator() {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
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

    private EditStep.Edited reframe(String of, String ratio) throws IOException {
        return edits.run(
                EditRequest.parse(JSON.readTree("{\"of\": \"" + of + "\", \"tenant\": \"demo\", \"reframe\":"
                        + " {\"aspectRatio\": \"" + ratio + "\"}}")),
                of + "-v2");
    }

    @Test
    void reframe_ofALumaRender_isTheProvidersReframeOfTheAcceptedRenderAtTheNewRatio() throws IOException {
        finished("ray-1", "luma", 5, "9:16", RAY_JOB);

        EditStep.Edited edited = reframe("ray-1", "16:9");

        assertThat(edited.edit().kind()).isEqualTo(EditPlan.Kind.REFRAME);
        assertThat(edited.review().nextMode()).isEqualTo(RoundMode.REFRAME);
        assertThat(edited.review().bestProviderJobId()).isEqualTo(RAY_JOB);
        assertThat(edited.request().settings().aspectRatio()).isEqualTo(AspectRatio.LANDSCAPE_16_9);
        assertThat(edited.request().settings().durationSeconds()).isEqualTo(5);
        assertThat(edited.job().estimatedCostUsd()).isEqualTo(0.05 * 5, Offset.offset(1e-9));
        assertThat(jobs.find("ray-1-v2").orElseThrow().detail().version().edit())
                .isEqualTo("reframe: 16:9");
    }

    @Test
    void submit_reframeRound_callsTheProvidersReframeFromTheOriginalsRatio() throws IOException {
        finished("ray-1", "luma", 5, "9:16", RAY_JOB);
        EditStep.Edited edited = reframe("ray-1", "16:9");
        List<ReframeSpec> reframed = new ArrayList<>();
        VideoProvider luma = new VideoProvider() {
            @Override
            public String name() {
                return "luma";
            }

            @Override
            public ProviderJob submit(GenerationSpec spec, String key) {
                throw new AssertionError("a reframe round submits no generation");
            }

            @Override
            public ProviderJob reframe(ReframeSpec spec, String key) {
                reframed.add(spec);
                return new ProviderJob(RAY_JOB.replace("001", "002"), ProviderJob.State.QUEUED, 0, 5, "");
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

        RenderRound round = new SubmitStep(name -> luma, jobs, JSON, clock)
                .run(edited.request(), edited.job(), RenderRound.notStarted(), edited.review());

        assertThat(reframed).singleElement().satisfies(spec -> {
            assertThat(spec.sourceJobId()).isEqualTo(RAY_JOB);
            assertThat(spec.from()).isEqualTo(AspectRatio.PORTRAIT_9_16);
            assertThat(spec.to()).isEqualTo(AspectRatio.LANDSCAPE_16_9);
            assertThat(spec.model()).isEqualTo("ray-3.2");
        });
        assertThat(round.mode()).isEqualTo(RoundMode.REFRAME);
        assertThat(round.tasks())
                .singleElement()
                .satisfies(t -> assertThat(t.providerJobId()).endsWith("002"));
    }

    @Test
    void reframe_onAModelWithoutReframe_isRefusedNamingTheModelAndTheCapability() throws IOException {
        finished("ball-1", "vertex-veo", 6, "16:9", VEO_JOB);

        assertThatThrownBy(() -> reframe("ball-1", "9:16"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.reframe")
                .hasMessageContaining("vertex-veo/veo-3.1-generate-001 cannot reframe")
                .hasMessageContaining("does not crop");
        assertThat(jobs.find("ball-1-v2")).isEmpty();
    }

    @Test
    void reframe_toTheRatioItHas_isRefusedNamingTheField() throws IOException {
        finished("ray-1", "luma", 5, "9:16", RAY_JOB);

        assertThatThrownBy(() -> reframe("ray-1", "9:16"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("reframe.aspectRatio")
                .hasMessageContaining("already 9:16");
    }

    @Test
    void parse_unknownRatio_isRefusedNamingTheField() {
        assertThatThrownBy(() -> EditRequest.parse(JSON.readTree(
                        "{\"of\": \"ray-1\", \"tenant\": \"demo\", \"reframe\": {\"aspectRatio\": \"5:4\"}}")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.reframe.aspectRatio")
                .hasMessageContaining("'5:4'");
    }
}
