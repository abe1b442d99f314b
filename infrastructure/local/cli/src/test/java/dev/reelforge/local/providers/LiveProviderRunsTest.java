package dev.reelforge.local.providers;

import static dev.reelforge.local.providers.ProviderFakes.named;
import static dev.reelforge.local.providers.ProviderFakes.report;
import static dev.reelforge.local.providers.ProviderFakes.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelforge run} through the {@code luma}, {@code vertex-veo} and {@code replicate} adapters against the
 * Python fakes, in a JVM configured only by its environment ({@link ProviderFakes}). Each fake throttles the first
 * create, fails the first status call, and (Luma) expires the first download URL; Vertex's output comes from Cloud
 * Storage with its MD5. Luma's first clip is blurred, so review sends it back for a targeted remix, which is Luma's
 * {@code video_edit} of that generation. Ray renders no sound, so its silent clips pass review with the audio checks
 * not applicable, naming the model; Veo's has sound, so they apply.
 */
class LiveProviderRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static ProviderFakes fakes;

    @BeforeAll
    static void startFakes() throws Exception {
        fakes = ProviderFakes.start(root);
    }

    @AfterAll
    static void stopFakes() {
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void run_lumaRay32AgainstItsFake_remixesTheBlurredClipByVideoEditWithTheAudioChecksNotApplicable()
            throws Exception {
        Map<String, Integer> before = fakes.counts();
        JsonNode result = fakes.run("luma", request("luma", 5, "360p").put("clientRequestId", "ray-run"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.path("attempts").asInt()).isEqualTo(2);
        assertThat(result.path("providerSubmissions").asInt()).isEqualTo(2);
        JsonNode attempts = report(result).path("attempts");
        assertThat(attempts.get(0).path("verdict").asText())
                .as(attempts.toString())
                .isEqualTo("remix");
        JsonNode checks = report(result).path("checks");
        for (String audio : List.of("audio-cues", "av-sync", "dialogue")) {
            JsonNode check = named(checks, audio);
            assertThat(check.path("passed").asBoolean()).as(audio).isTrue();
            assertThat(check.path("detail").asText())
                    .as(audio)
                    .startsWith("not applicable: luma/ray-3.2 renders no audio (nativeAudio: false)");
        }
        assertThat(named(checks, "conformance").path("passed").asBoolean()).isTrue();
        assertThat(result.path("warnings").toString()).contains("renders no audio");
        Map<String, Integer> counts = fakes.since(before);
        assertThat(counts)
                .containsEntry("luma-creates", 2)
                .containsEntry("luma-edits", 1)
                .containsEntry("luma-downloads", 2);
    }

    /**
     * {@code reelforge reframe <job> --aspect-ratio 16:9} of a finished 9:16 Luma job: the version is Luma's
     * {@code video_reframe} of the accepted generation (the fake refuses a source that is not a completed generation
     * and a ratio Luma does not list or the source already has), and the 16:9 clip it returns is the one reviewed.
     */
    @Test
    void reframe_ofAFinishedLumaJob_isLumasVideoReframeOfItsGeneration_reviewedAtTheNewRatio() throws Exception {
        ObjectNode request = request("luma", 5, "360p").put("clientRequestId", "ray-portrait");
        request.put("maxAttempts", 1);
        JsonNode original = fakes.run("ray-portrait", request);
        assertThat(original.path("status").asText()).as(original.toString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> before = fakes.counts();

        JsonNode version = fakes.cli(
                "ray-reframe",
                "ray-portrait",
                List.of("reframe", original.path("jobId").asText(), "--aspect-ratio", "16:9"));

        assertThat(version.path("status").asText()).as(version.toString()).isEqualTo("SUCCEEDED");
        assertThat(version.path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(fakes.since(before))
                .containsEntry("luma-creates", 1)
                .containsEntry("luma-reframes", 1)
                .containsEntry("luma-downloads", 1);
        JsonNode attempt = report(version).path("attempts").path(0);
        assertThat(attempt.path("mode").asText()).as(attempt.toString()).isEqualTo("reframe");
        JsonNode conformance = named(report(version).path("checks"), "conformance");
        assertThat(conformance.path("passed").asBoolean())
                .as("the 16:9 clip the reframe returned is the one reviewed: " + conformance)
                .isTrue();
        assertThat(conformance.path("detail").asText()).contains("640x360");
    }

    @Test
    void run_lumaRay32OnReplicateAgainstItsFake_succeedsThroughThePredictionsApi() throws Exception {
        Map<String, Integer> before = fakes.counts();
        JsonNode result =
                fakes.run("replicate", request("replicate", 5, "720p").put("clientRequestId", "replicate-run"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.path("attempts").asInt()).isEqualTo(1);
        assertThat(result.path("providerSubmissions").asInt()).isEqualTo(1);
        JsonNode checks = report(result).path("checks");
        assertThat(named(checks, "conformance").path("passed").asBoolean()).isTrue();
        assertThat(named(checks, "audio-cues").path("detail").asText())
                .startsWith("not applicable: replicate/luma/ray-3.2 renders no audio (nativeAudio: false)");
        assertThat(fakes.since(before))
                .as("one throttled create retried, one prediction, one expired download retried")
                .containsEntry("replicate-creates", 1)
                .containsEntry("replicate-downloads", 1);
    }

    @Test
    void run_veo31OnVertexAgainstItsFake_succeedsWithItsClipCopiedFromCloudStorage() throws Exception {
        Map<String, Integer> before = fakes.counts();
        JsonNode result =
                fakes.run("vertex-veo", request("vertex-veo", 6, "720p").put("clientRequestId", "veo-run"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        JsonNode checks = report(result).path("checks");
        JsonNode cues = named(checks, "audio-cues");
        assertThat(cues.path("detail").asText()).doesNotStartWith("not applicable");
        assertThat(cues.path("passed").asBoolean()).as(cues.toString()).isTrue();
        assertThat(report(result).path("provider").asText()).isEqualTo("vertex-veo/veo-3.1-generate-001");
        Map<String, Integer> counts = fakes.since(before);
        assertThat(counts)
                .containsEntry("vertex-creates", 1)
                .containsEntry("vertex-tokens", 1)
                .containsEntry("gcs-downloads", 1);
    }

    /**
     * A first and a last frame, local files beside the request that the CLI uploads: the fake refuses an instance
     * that breaks Vertex's rules (lastFrame only with image), so a success means both arrived as documented. The
     * first frame is the fake clip's own, so {@code reference-match} compares like with like.
     */
    @Test
    void run_veo31WithAFirstAndLastFrame_sendsBothAndSucceeds() throws Exception {
        Path first = root.resolve("first.png");
        Ffmpeg.bundled()
                .run(
                        "take the clip's first frame",
                        List.of("-y", "-i", root.resolve("veo.mp4").toString(), "-frames:v", "1", first.toString()),
                        Duration.ofMinutes(1));
        Files.write(root.resolve("last.png"), Stills.png(800, 600, 3));
        Map<String, Integer> before = fakes.counts();

        JsonNode result = fakes.run(
                "veo-frames",
                request("vertex-veo", 6, "720p")
                        .put("clientRequestId", "veo-frames")
                        .put("referenceImage", "first.png")
                        .put("lastFrame", "last.png"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(fakes.since(before))
                .containsEntry("vertex-creates", 1)
                .containsEntry("vertex-first-frames", 1)
                .containsEntry("vertex-last-frames", 1);
    }

    /** Two asset reference images, without frames (Veo takes one or the other), each sent with its type. */
    @Test
    void run_veo31WithAssetReferenceImages_sendsThemAsAssetsAndSucceeds() throws Exception {
        Files.write(root.resolve("ball.png"), Stills.png(640, 640, 1));
        Files.write(root.resolve("floor.jpg"), Stills.jpeg(1024, 768, 2));
        Map<String, Integer> before = fakes.counts();
        ObjectNode request = request("vertex-veo", 6, "720p").put("clientRequestId", "veo-assets");
        request.putArray("referenceImages")
                .add(JSON.createObjectNode().put("image", "ball.png"))
                .add(JSON.createObjectNode().put("image", "floor.jpg").put("type", "asset"));

        JsonNode result = fakes.run("veo-assets", request);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(fakes.since(before)).containsEntry("vertex-creates", 1).containsEntry("vertex-reference-asset", 2);
        assertThat(fakes.since(before)).doesNotContainKey("vertex-first-frames");
    }

    /**
     * {@code reelforge recut --expand} of the clip's final span on Veo, through the real ASL: the version is Veo's
     * extend of its own render ({@code instances[].video} = the original's Cloud Storage output), recorded as an
     * {@code extend} round, and the 8 s clip the extension returns is the one reviewed (its length conforms). The review
     * still judges the original's beat times (README roadmap), so the verdict is not asserted.
     */
    @Test
    void recut_expandOfTheEndingOnVeo_isTheProvidersExtendOfItsOwnRender() throws Exception {
        JsonNode original =
                fakes.run("veo-source", request("vertex-veo", 6, "720p").put("clientRequestId", "veo-source"));
        assertThat(original.path("status").asText()).as(original.toString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> before = fakes.counts();

        JsonNode version = fakes.cli(
                "veo-extend",
                "veo-source",
                List.of("recut", original.path("jobId").asText(), "--expand", "00:04-00:06=00:04-00:08"));

        assertThat(version.path("status").asText()).as(version.toString()).isEqualTo("SUCCEEDED");
        assertThat(version.path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(fakes.since(before)).containsEntry("vertex-extends", 1).containsEntry("vertex-creates", 1);
        JsonNode attempt = report(version).path("attempts").path(0);
        assertThat(attempt.path("mode").asText()).as(attempt.toString()).isEqualTo("extend");
        JsonNode conformance = named(report(version).path("checks"), "conformance");
        assertThat(conformance.path("passed").asBoolean())
                .as("the 8 s clip the extension returned is the one reviewed: "
                        + report(version).path("checks"))
                .isTrue();
    }
}
