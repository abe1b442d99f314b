package dev.reelforge.local.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.local.cli.ReelforgeCli;
import dev.reelforge.local.moto.PythonInterpreter;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelforge run} through the {@code luma}, {@code vertex-veo} and {@code replicate} adapters against the Python fakes
 * ({@code infrastructure/local/fakes/fake_video_providers.py}), in a JVM configured only by its environment, as a user
 * runs it: Luma's key, Vertex's project, a service-account key whose {@code token_uri} is the fake's, the fake's
 * endpoints, and a capabilities file that gives both models a price (the bundled data has none, so they are refused
 * until a deployer sets one). Each fake throttles the first create, fails the first status call, and (Luma) expires
 * the first download URL; Vertex's output comes from Cloud Storage with its MD5. Luma's first clip is blurred, so review
 * sends it back for a targeted remix, which is Luma's {@code video_edit} of that generation. Ray renders no sound, so
 * its silent clips pass review with the audio checks not applicable, naming the model; Veo's has sound, so they apply.
 */
class LiveProviderRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FAKE = Path.of("../fakes/fake_video_providers.py");
    private static final Path BUNDLED =
            Path.of("../../../functions/core/src/main/resources/dev/reelforge/core/provider-capabilities.json");
    /** A prompt whose animatic fails only the blur check when blurred (as ReviewLoopEndToEndTest finds). */
    private static final String LUMA_PROMPT = "A heavy red rubber ball on a wooden table, locked-off camera.\n"
            + "00:00–00:02: the ball rests on the table.\n"
            + "00:02–00:05: the ball rolls off the edge and falls onto the tile floor.\n"
            + "Audio: quiet room tone; hard thud at 00:03.2";

    private static final String VEO_PROMPT =
            "A heavy red rubber ball (600 g) dropped onto a concrete floor. Camera: static wide shot."
                    + "\n00:00–00:02: the ball falls and bounces, each bounce lower.\n00:02–00:05: it rolls to a stop.";

    @TempDir
    static Path root;

    private static Process fake;
    private static String endpoint;

    @BeforeAll
    static void startFake() throws Exception {
        Path withSound = root.resolve("veo.mp4");
        Path extended = root.resolve("veo-extended.mp4");
        renderClip(request("vertex-veo", 8, "720p"), extended);
        Path silent = root.resolve("ray.mp4");
        renderClip(request("vertex-veo", 6, "720p"), withSound);
        Path blurred = root.resolve("ray-blurred.mp4");
        silentClip(request("luma", 5, "360p"), List.of(), silent);
        silentClip(request("luma", 5, "360p"), List.of("blur:0.8"), blurred);
        Path replicate = root.resolve("replicate-ray.mp4");
        silentClip(request("replicate", 5, "720p"), List.of(), replicate);
        Path reframed = root.resolve("ray-16x9.mp4");
        ObjectNode landscape = request("luma", 5, "360p");
        ((ObjectNode) landscape.path("settings")).put("aspectRatio", "16:9");
        silentClip(landscape, List.of(), reframed);
        fake = new ProcessBuilder(
                        PythonInterpreter.locate(Path.of(System.getProperty("user.home")))
                                .executable()
                                .toString(),
                        FAKE.toString(),
                        "--port",
                        "0",
                        "--clip",
                        withSound.toString(),
                        "--silent-clip",
                        silent.toString(),
                        "--defective-clip",
                        blurred.toString(),
                        "--extended-clip",
                        extended.toString(),
                        "--replicate-clip",
                        replicate.toString(),
                        "--reframed-clip",
                        reframed.toString())
                .redirectError(root.resolve("fake.err").toFile())
                .start();
        String port =
                new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(port).as("the fake's port").matches("\\d+");
        endpoint = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.destroy();
        }
    }

    @Test
    void run_lumaRay32AgainstItsFake_remixesTheBlurredClipByVideoEditWithTheAudioChecksNotApplicable()
            throws Exception {
        Map<String, Integer> before = counts();
        JsonNode result = run("luma", request("luma", 5, "360p").put("clientRequestId", "ray-run"));

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
        Map<String, Integer> counts = since(before);
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
        JsonNode original = run("ray-portrait", request);
        assertThat(original.path("status").asText()).as(original.toString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> before = counts();

        JsonNode version = cli(
                "ray-reframe",
                "ray-portrait",
                List.of("reframe", original.path("jobId").asText(), "--aspect-ratio", "16:9"));

        assertThat(version.path("status").asText()).as(version.toString()).isEqualTo("SUCCEEDED");
        assertThat(version.path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(since(before))
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
        Map<String, Integer> before = counts();
        JsonNode result = run("replicate", request("replicate", 5, "720p").put("clientRequestId", "replicate-run"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.path("attempts").asInt()).isEqualTo(1);
        assertThat(result.path("providerSubmissions").asInt()).isEqualTo(1);
        JsonNode checks = report(result).path("checks");
        assertThat(named(checks, "conformance").path("passed").asBoolean()).isTrue();
        assertThat(named(checks, "audio-cues").path("detail").asText())
                .startsWith("not applicable: replicate/luma/ray-3.2 renders no audio (nativeAudio: false)");
        assertThat(since(before))
                .as("one throttled create retried, one prediction, one expired download retried")
                .containsEntry("replicate-creates", 1)
                .containsEntry("replicate-downloads", 1);
    }

    @Test
    void run_veo31OnVertexAgainstItsFake_succeedsWithItsClipCopiedFromCloudStorage() throws Exception {
        Map<String, Integer> before = counts();
        JsonNode result = run("vertex-veo", request("vertex-veo", 6, "720p").put("clientRequestId", "veo-run"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        JsonNode checks = report(result).path("checks");
        JsonNode cues = named(checks, "audio-cues");
        assertThat(cues.path("detail").asText()).doesNotStartWith("not applicable");
        assertThat(cues.path("passed").asBoolean()).as(cues.toString()).isTrue();
        assertThat(report(result).path("provider").asText()).isEqualTo("vertex-veo/veo-3.1-generate-001");
        Map<String, Integer> counts = since(before);
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
        Map<String, Integer> before = counts();

        JsonNode result = run(
                "veo-frames",
                request("vertex-veo", 6, "720p")
                        .put("clientRequestId", "veo-frames")
                        .put("referenceImage", "first.png")
                        .put("lastFrame", "last.png"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(since(before))
                .containsEntry("vertex-creates", 1)
                .containsEntry("vertex-first-frames", 1)
                .containsEntry("vertex-last-frames", 1);
    }

    /** Two asset reference images, without frames (Veo takes one or the other), each sent with its type. */
    @Test
    void run_veo31WithAssetReferenceImages_sendsThemAsAssetsAndSucceeds() throws Exception {
        Files.write(root.resolve("ball.png"), Stills.png(640, 640, 1));
        Files.write(root.resolve("floor.jpg"), Stills.jpeg(1024, 768, 2));
        Map<String, Integer> before = counts();
        ObjectNode request = request("vertex-veo", 6, "720p").put("clientRequestId", "veo-assets");
        request.putArray("referenceImages")
                .add(JSON.createObjectNode().put("image", "ball.png"))
                .add(JSON.createObjectNode().put("image", "floor.jpg").put("type", "asset"));

        JsonNode result = run("veo-assets", request);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(since(before)).containsEntry("vertex-creates", 1).containsEntry("vertex-reference-asset", 2);
        assertThat(since(before)).doesNotContainKey("vertex-first-frames");
    }

    /**
     * {@code reelforge recut --expand} of the clip's final span on Veo, through the real ASL: the version is Veo's
     * extend of its own render ({@code instances[].video} = the original's Cloud Storage output), recorded as an
     * {@code extend} round, and the 8 s clip the extension returns is the one reviewed (its length conforms). The review
     * still judges the original's beat times (README roadmap), so the verdict is not asserted.
     */
    @Test
    void recut_expandOfTheEndingOnVeo_isTheProvidersExtendOfItsOwnRender() throws Exception {
        JsonNode original = run("veo-source", request("vertex-veo", 6, "720p").put("clientRequestId", "veo-source"));
        assertThat(original.path("status").asText()).as(original.toString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> before = counts();

        JsonNode version = cli(
                "veo-extend",
                "veo-source",
                List.of("recut", original.path("jobId").asText(), "--expand", "00:04-00:06=00:04-00:08"));

        assertThat(version.path("status").asText()).as(version.toString()).isEqualTo("SUCCEEDED");
        assertThat(version.path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(since(before)).containsEntry("vertex-extends", 1).containsEntry("vertex-creates", 1);
        JsonNode attempt = report(version).path("attempts").path(0);
        assertThat(attempt.path("mode").asText()).as(attempt.toString()).isEqualTo("extend");
        JsonNode conformance = named(report(version).path("checks"), "conformance");
        assertThat(conformance.path("passed").asBoolean())
                .as("the 8 s clip the extension returned is the one reviewed: "
                        + report(version).path("checks"))
                .isTrue();
    }

    /** What the fake counted since {@code before}: the runs of one test, whichever ran first. */
    private static Map<String, Integer> since(Map<String, Integer> before) throws Exception {
        Map<String, Integer> delta = new TreeMap<>();
        counts().forEach((k, v) -> {
            int d = v - before.getOrDefault(k, 0);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    private static ObjectNode request(String provider, int seconds, String resolution) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", provider + "-clip")
                .put("prompt", silent(provider) ? LUMA_PROMPT : VEO_PROMPT)
                .put("maxAttempts", provider.equals("luma") ? 2 : 1);
        if (!silent(provider)) {
            request.putArray("audioCues").add("rubber thud at 00:01.2");
        }
        request.putObject("provider").put("name", provider);
        request.putObject("settings")
                .put("aspectRatio", silent(provider) ? "9:16" : "16:9")
                .put("durationSeconds", seconds)
                .put("resolution", resolution)
                .put("fps", 24)
                .put("variations", 1)
                .put("style", "studio");
        return request;
    }

    /** Ray renders no sound, on Luma's API and on Replicate. */
    private static boolean silent(String provider) {
        return provider.equals("luma") || provider.equals("replicate");
    }

    /** The animatic's clip with {@code defects} and without its sound, as Ray renders none. */
    private static void silentClip(ObjectNode requestJson, List<String> defects, Path clip) {
        Path withSound = clip.resolveSibling("sound-" + clip.getFileName());
        renderClip(requestJson, defects, withSound);
        Ffmpeg.bundled()
                .run(
                        "strip the sound",
                        List.of("-y", "-i", withSound.toString(), "-an", "-c:v", "copy", clip.toString()),
                        Duration.ofMinutes(1));
    }

    private static void renderClip(ObjectNode requestJson, Path clip) {
        renderClip(requestJson, List.of(), clip);
    }

    /** The animatic's clip for the request's storyboard (which passes review unless a defect is injected). */
    private static void renderClip(ObjectNode requestJson, List<String> defects, Path clip) {
        RenderRequest request = new RequestParser(JSON).parse(requestJson);
        new AnimaticRenderer(Ffmpeg.bundled())
                .render(
                        new GenerationSpec(
                                request.prompt(),
                                request.storyboard(),
                                request.settings(),
                                "animatic-1",
                                1,
                                defects,
                                "",
                                ""),
                        clip,
                        progress -> {});
    }

    /** {@code reelforge run --json} in a JVM of its own, configured through its environment only. */
    private static JsonNode run(String name, ObjectNode request) throws Exception {
        Path file = root.resolve(name + ".json");
        Files.write(file, JSON.writeValueAsBytes(request));
        return cli(name, name, List.of("run", file.toString()));
    }

    /** {@code reelforge <args> --json} on the data of the run {@code dataName}, its stderr in {@code name.err}. */
    private static JsonNode cli(String name, String dataName, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ReelforgeCli.class.getName()));
        command.addAll(args);
        command.addAll(
                List.of("--json", "--data-dir", root.resolve("data-" + dataName).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(root.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("REELFORGE_"));
        env.put("REELFORGE_LUMA_BASE_URL", endpoint + "/v1");
        env.put("REELFORGE_LUMA_API_KEY", "luma-test-key");
        env.put("REELFORGE_VERTEX_PROJECT", "reelforge-test");
        env.put("REELFORGE_VERTEX_KEY_FILE", serviceAccountKey().toString());
        env.put("REELFORGE_VERTEX_BASE_URL", endpoint);
        env.put("REELFORGE_VERTEX_STORAGE_URL", endpoint);
        env.put("REELFORGE_VERTEX_OUTPUT_URI", "gs://reelforge-veo-out/renders");
        env.put("REELFORGE_REPLICATE_BASE_URL", endpoint);
        env.put("REELFORGE_REPLICATE_API_TOKEN", "r8_test-token");
        env.put("REELFORGE_CAPABILITIES_FILE", pricedCapabilities().toString());
        env.put("REELFORGE_PROVIDER_POLL_SECONDS", "1");
        Process process = builder.start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the run ends").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).as(Files.readString(root.resolve(name + ".err"))).isNotBlank();
        JsonNode result = JSON.readTree(text);
        ((ObjectNode) result).put("dataDir", root.resolve("data-" + dataName).toString());
        return result;
    }

    /** The bundled data with a price for the new models, as a deployer sets one ({@code pricePerSecondUsd}). */
    private static Path pricedCapabilities() throws IOException {
        ObjectNode data = (ObjectNode) JSON.readTree(BUNDLED.toFile());
        for (JsonNode model : data.path("models")) {
            if (List.of("luma", "vertex-veo", "replicate")
                    .contains(model.path("provider").asText())) {
                ((ObjectNode) model).put("pricePerSecondUsd", 0.05);
            }
        }
        Path file = root.resolve("capabilities.json");
        Files.write(file, JSON.writeValueAsBytes(data));
        return file;
    }

    /** A service account's JSON key, with a fresh RSA key, that exchanges its JWT at the fake's token endpoint. */
    private static Path serviceAccountKey() throws Exception {
        Path file = root.resolve("service-account.json");
        if (Files.exists(file)) {
            return file;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode key = JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", "reelforge-test")
                .put("client_email", "renderer@reelforge-test.iam.gserviceaccount.com")
                .put("private_key", pem)
                .put("token_uri", endpoint + "/token");
        Files.write(file, JSON.writeValueAsBytes(key));
        return file;
    }

    private static JsonNode report(JsonNode result) throws IOException {
        return JSON.readTree(Path.of(result.path("dataDir").asText())
                .resolve("s3/reelforge-clips")
                .resolve(StorageKeys.report("demo", result.path("jobId").asText()))
                .toFile());
    }

    private static JsonNode named(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    private static Map<String, Integer> counts() throws Exception {
        var client = HttpClient.newHttpClient();
        var response = client.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/_counts")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    }
}
