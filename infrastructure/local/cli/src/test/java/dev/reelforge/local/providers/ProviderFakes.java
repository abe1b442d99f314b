package dev.reelforge.local.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.local.cli.ReelforgeCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The Python fakes of Luma, Vertex AI (with its token endpoint and Cloud Storage) and Replicate
 * ({@code infrastructure/local/fakes/fake_video_providers.py}) serving animatic clips, and {@code reelforge} run
 * against them in a JVM of its own configured by its environment only, as a user runs it: Luma's key, Vertex's
 * project, a service-account key whose {@code token_uri} is the fake's, the fake's endpoints, and a capabilities
 * file that gives the models a price (the bundled data has none, so they are refused until a deployer sets one).
 */
final class ProviderFakes implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private final Path root;
    private final FakeProviderServer fake;
    private final String endpoint;

    private ProviderFakes(Path root, FakeProviderServer fake) {
        this.root = root;
        this.fake = fake;
        this.endpoint = fake.endpoint();
    }

    /** Renders the fakes' clips under {@code root} and starts the fake server on a free port. */
    static ProviderFakes start(Path root) throws Exception {
        Path withSound = root.resolve("veo.mp4");
        Path extended = root.resolve("veo-extended.mp4");
        AnimaticClips.render(request("vertex-veo", 8, "720p"), List.of(), extended);
        Path silent = root.resolve("ray.mp4");
        AnimaticClips.render(request("vertex-veo", 6, "720p"), List.of(), withSound);
        Path blurred = root.resolve("ray-blurred.mp4");
        AnimaticClips.silent(request("luma", 5, "360p"), List.of(), silent);
        AnimaticClips.silent(request("luma", 5, "360p"), List.of("blur:0.8"), blurred);
        Path replicate = root.resolve("replicate-ray.mp4");
        AnimaticClips.silent(request("replicate", 5, "720p"), List.of(), replicate);
        Path reframed = root.resolve("ray-16x9.mp4");
        ObjectNode landscape = request("luma", 5, "360p");
        ((ObjectNode) landscape.path("settings")).put("aspectRatio", "16:9");
        AnimaticClips.silent(landscape, List.of(), reframed);
        FakeProviderServer fake = FakeProviderServer.start(
                root.resolve("fake.err"),
                List.of(
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
                        reframed.toString()));
        return new ProviderFakes(root, fake);
    }

    @Override
    public void close() {
        fake.close();
    }

    /** What the fake counted since {@code before}: the runs of one test, whichever ran first. */
    Map<String, Integer> since(Map<String, Integer> before) throws Exception {
        Map<String, Integer> delta = new TreeMap<>();
        counts().forEach((k, v) -> {
            int d = v - before.getOrDefault(k, 0);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    static ObjectNode request(String provider, int seconds, String resolution) {
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

    /** {@code reelforge run --json} in a JVM of its own, configured through its environment only. */
    JsonNode run(String name, ObjectNode request) throws Exception {
        Path file = root.resolve(name + ".json");
        Files.write(file, JSON.writeValueAsBytes(request));
        return cli(name, name, List.of("run", file.toString()));
    }

    /** {@code reelforge <args> --json} on the data of the run {@code dataName}, its stderr in {@code name.err}. */
    JsonNode cli(String name, String dataName, List<String> args) throws Exception {
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
    private Path pricedCapabilities() throws IOException {
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
    private Path serviceAccountKey() throws Exception {
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

    static JsonNode report(JsonNode result) throws IOException {
        return JSON.readTree(Path.of(result.path("dataDir").asText())
                .resolve("s3/reelforge-clips")
                .resolve(StorageKeys.report("demo", result.path("jobId").asText()))
                .toFile());
    }

    static JsonNode named(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    Map<String, Integer> counts() throws Exception {
        var client = HttpClient.newHttpClient();
        var response = client.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/_counts")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new TypeReference<>() {});
    }
}
