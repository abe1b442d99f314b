package dev.reelforge.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider keys never reach a log, a message or a stored record. Real renders through the local workflow with each
 * paid adapter (openai-videos and fal-queue over HTTP, bedrock-async through its SDK client) and the advisory visual
 * judge (chat completions) against
 * {@link FakeVideoProviders}, configured from the environment exactly as {@code reelforge run} is, with distinctive
 * keys and AWS credentials, along every failure path the fake offers (401/403, 429, 5xx, moderation at create and
 * while rendering, timeouts, and error text that repeats the key back). Everything is captured: the subprocess'
 * stdout and stderr (slf4j-simple at TRACE for Reelforge, DEBUG for the AWS SDK, INFO for the rest, with the
 * simplelogger.properties that pins the SDK's signers to INFO; the outcome, cause, every history
 * event and job record of each execution), and every file under its data directory (moto's log, the bucket with
 * report.json and the media plans, the table snapshots holding the job records and the provider ledger). The keys
 * must appear nowhere, in any form {@link SecretScanner} knows; the fake must have received each of them, and the
 * scanner must find them in the fake's own request log, so the scan is known to work on this very data. Two OpenAI
 * renders also take provider faults through render.asl.json and the Lambda handlers and must still succeed: a create
 * whose reply is lost (a 502 after the video was made; adopted from {@code GET /v1/videos}, one video created, no
 * possible duplicate in report.json) and two corrupt downloads (an HTML page with status 200, a truncated MP4) before
 * a whole one, each in the job's provider history. A fal render whose first submit is queued but answered 502 is
 * submitted again (the queue cannot be listed) and succeeds, with the possible duplicate charge in report.json.
 */
class ProviderKeysNeverLoggedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_KEY = "gw_LeakCanary_openai_7fQ2xZ9pLm3Rt8Vw";
    private static final String FAL_KEY = "falLeakCanary:K9vX2mQ7wR4tY8zP";
    private static final String JUDGE_KEY = "gw_LeakCanary_judge_Q4mT8vN2";
    private static final String AWS_ACCESS_KEY_ID = "AKIALEAKCANARY000001";
    private static final String AWS_SECRET = "LeakCanarySecretAccessKey+bedrock/0000000";
    private static final String AWS_SESSION_TOKEN = "LeakCanarySessionToken//FwoGZXIvYXdzEJr+bedrock==";
    private static final String PROMPT =
            "A heavy red rubber ball (600 g) marked %s dropped onto a concrete floor. Camera: static wide shot."
                    + "\n00:00–00:03: the ball falls and bounces twice, each bounce lower.\n00:03–00:05: it rolls to a stop.";

    @TempDir
    Path root;

    /** What each scenario must end as: SUCCEEDED, or FAILED with this in the job's reason. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("openai-ok", "SUCCEEDED"),
            Map.entry("openai-lost", "SUCCEEDED"),
            Map.entry("openai-corrupt", "SUCCEEDED"),
            Map.entry("openai-401", "refused our credentials (HTTP 401)"),
            Map.entry("openai-403-blocked", "openai-videos"),
            Map.entry("openai-400-echo", "refused create as invalid (HTTP 400)"),
            Map.entry("openai-moderation", "moderation refused this request"),
            Map.entry("openai-failed", "moderation refused this clip"),
            Map.entry("openai-5xx", "unavailable (HTTP 503)"),
            Map.entry("openai-timeout", "did not answer create within 500 ms"),
            Map.entry("fal-ok", "SUCCEEDED"),
            Map.entry("fal-lost", "SUCCEEDED"),
            Map.entry("fal-401", "refused our credentials (HTTP 401)"),
            Map.entry("fal-422-echo", "refused submit as invalid (HTTP 422)"),
            Map.entry("fal-moderation", "moderation refused this clip"),
            Map.entry("fal-5xx", "unavailable (HTTP 502)"),
            Map.entry("bedrock-ok", "SUCCEEDED"),
            Map.entry("bedrock-403", "AccessDeniedException"),
            Map.entry("bedrock-filter", "content filters refused this request"),
            Map.entry("bedrock-failed", "content filters refused this clip"),
            Map.entry("bedrock-5xx", "throttling or unavailable"));

    @Test
    void renders_everyAdapterAndFailurePath_neverLogOrStoreTheKeys() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path requests = Files.createDirectories(root.resolve("requests"));
        Path clip = root.resolve("clip.mp4");
        renderClip(clip);
        Map<String, String> adapters =
                Map.of("openai", "openai-videos", "fal", "fal-queue", "bedrock", "bedrock-async");
        for (String scenario : EXPECTED.keySet()) {
            ObjectNode request = request("leak-" + scenario, scenario);
            request.putObject("provider").put("name", adapters.get(scenario.substring(0, scenario.indexOf('-'))));
            Files.write(requests.resolve(scenario + ".json"), JSON.writeValueAsBytes(request));
        }
        Path capabilities = writeCapabilities(root.resolve("capabilities.json"));

        try (FakeVideoProviders fake = new FakeVideoProviders(
                Files.readAllBytes(clip),
                OPENAI_KEY,
                FAL_KEY,
                JUDGE_KEY,
                data.resolve("s3").resolve("reelforge-clips"))) {
            Path stdout = root.resolve("stdout.txt");
            Path stderr = root.resolve("stderr.txt");
            Process process = subprocess(fake, capabilities, data, requests)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES))
                    .as("the renders finish")
                    .isTrue();
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(err).isZero();

            SoftAssertions softly = new SoftAssertions();
            EXPECTED.forEach((scenario, expected) -> {
                String result = line(out, "RESULT " + scenario + " ");
                String reason = line(out, "REASON " + scenario + " ");
                if (expected.equals("SUCCEEDED")) {
                    softly.assertThat(result)
                            .as(scenario + ": " + line(out, "CAUSE " + scenario + " "))
                            .startsWith("SUCCEEDED");
                } else {
                    softly.assertThat(result).as(scenario).startsWith("FAILED");
                    softly.assertThat(reason).as(scenario).contains(expected);
                }
            });
            softly.assertAll();

            SecretScanner scanner = new SecretScanner(Map.of(
                    "openai key",
                    OPENAI_KEY,
                    "fal key",
                    FAL_KEY,
                    "judge key",
                    JUDGE_KEY,
                    "AWS secret access key",
                    AWS_SECRET,
                    "AWS session token",
                    AWS_SESSION_TOKEN));
            List<SecretScanner.Finding> findings = new ArrayList<>();
            findings.addAll(scanner.scanText("stdout", out));
            findings.addAll(scanner.scanText("stderr", err));
            findings.addAll(scanner.scanTree(data));
            long[] covered = SecretScanner.coverage(data);
            assertThat(findings)
                    .as(
                            "secrets found in what the renders left (%d files, %d bytes, %d + %d characters of output)",
                            covered[0], covered[1], out.length(), err.length())
                    .isEmpty();
            assertThat(covered[0])
                    .as("the scan covered the job snapshots, moto's log and report.json")
                    .isGreaterThan(10);
            assertThat(out)
                    .contains("EVENT openai-ok")
                    .contains("ReviewScore")
                    .as("the judge's error path ran")
                    .contains("visual judge gave no answer");

            assertThat(fake.openAiCreates("lost"))
                    .as("videos created for the render whose first create reply was lost")
                    .isEqualTo(1);
            JsonNode lost = report(data, "openai-lost");
            assertThat(lost.path("providerJobs").get(0).path("creates").findValuesAsText("outcome"))
                    .containsExactly("ambiguous", "adopted");
            assertThat(lost.path("possibleDuplicateCharges").isArray()).isTrue();
            assertThat(lost.path("possibleDuplicateCharges")).isEmpty();
            assertThat(fake.falLostCreates())
                    .as("fal requests queued for the render whose first reply was lost")
                    .isEqualTo(2);
            JsonNode falLost = report(data, "fal-lost");
            assertThat(falLost.path("possibleDuplicateCharges"))
                    .as("fal cannot be listed: the second queued request is a" + " possible duplicate charge")
                    .singleElement()
                    .satisfies(charge -> {
                        assertThat(charge.path("providerJobIds"))
                                .singleElement()
                                .satisfies(id -> assertThat(id.asText())
                                        .isEqualTo(falLost.path("providerJobs")
                                                .get(0)
                                                .path("providerJobId")
                                                .asText()));
                        assertThat(charge.path("reason").asText()).contains("no way to find its job");
                    });
            assertThat(report(data, "openai-corrupt")
                            .path("providerJobs")
                            .get(0)
                            .path("downloads")
                            .findValuesAsText("outcome"))
                    .containsExactly("rejected", "rejected", "stored");

            String sent = fake.requestLog();
            assertThat(sent)
                    .contains("Bearer " + OPENAI_KEY)
                    .contains("Key " + FAL_KEY)
                    .contains("Bearer " + JUDGE_KEY)
                    .contains(AWS_SESSION_TOKEN)
                    .contains("Credential=" + AWS_ACCESS_KEY_ID);
            assertThat(scanner.scanText("the fake's request log", sent))
                    .extracting(SecretScanner.Finding::secret)
                    .contains("openai key", "fal key", "judge key", "AWS session token");
        }
    }

    private static ObjectNode request(String marker, String clientRequestId) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", clientRequestId)
                .put("prompt", String.format(PROMPT, marker))
                .put("maxAttempts", 1);
        request.putArray("audioCues").add("rubber thud at 00:01.2").add("smaller thud at 00:02.1");
        request.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "360p")
                .put("fps", 24)
                .put("variations", 1)
                .put("style", "studio");
        return request;
    }

    /** The animatic's clip for this storyboard, which passes review: every fake serves it as its render. */
    private static void renderClip(Path clip) {
        RenderRequest request = new RequestParser(JSON).parse(request("leak-openai-ok", "clip"));
        new AnimaticRenderer(Ffmpeg.bundled())
                .render(
                        new GenerationSpec(
                                request.prompt(),
                                request.storyboard(),
                                request.settings(),
                                "animatic-1",
                                1,
                                List.of(),
                                "",
                                ""),
                        clip,
                        progress -> {});
    }

    /** The bundled catalogue's shape with one active 360p model per paid provider (each its default), as a deployer overrides it. */
    private static Path writeCapabilities(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        var models = root.putArray("models");
        models.add(model("animatic", "animatic-1", 0.0));
        models.add(model("openai-videos", "leak-video-1", 0.01).put("remix", true));
        models.add(model("fal-queue", "fal-ai/leak-test", 0.01));
        models.add(model("bedrock-async", "luma.leak-v1:0", 0.01));
        Files.write(file, JSON.writeValueAsBytes(root));
        return file;
    }

    private static ObjectNode model(String provider, String model, double price) {
        ObjectNode m = JSON.createObjectNode()
                .put("provider", provider)
                .put("model", model)
                .put("default", true)
                .put("minDurationSeconds", 5)
                .put("maxDurationSeconds", 10)
                .put("maxVariations", 1)
                .put("pricePerSecondUsd", price)
                .put("lifecycle", "active");
        m.putArray("aspectRatios").add("16:9").add("9:16");
        m.putArray("resolutions").add("360p").add("720p");
        return m;
    }

    /** The renders in a JVM of their own, configured only through its environment and logging at every level we own. */
    private static ProcessBuilder subprocess(FakeVideoProviders fake, Path capabilities, Path data, Path requests) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.dev.reelforge=trace",
                "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk=debug",
                "-cp",
                System.getProperty("java.class.path"),
                KeyLeakRenders.class.getName(),
                data.toString(),
                requests.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("REELFORGE_"));
        Map<String, String> configured = new LinkedHashMap<>();
        configured.put("REELFORGE_OPENAI_BASE_URL", fake.endpoint() + "/v1");
        configured.put("REELFORGE_OPENAI_API_KEY", OPENAI_KEY);
        configured.put("REELFORGE_FAL_BASE_URL", fake.endpoint().toString());
        configured.put("REELFORGE_FAL_API_KEY", FAL_KEY);
        configured.put("REELFORGE_BEDROCK_ENABLED", "true");
        configured.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", fake.endpoint().toString());
        configured.put("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY_ID);
        configured.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        configured.put("AWS_SESSION_TOKEN", AWS_SESSION_TOKEN);
        configured.put("AWS_REGION", "us-east-1");
        configured.put("AWS_EC2_METADATA_DISABLED", "true");
        configured.put("REELFORGE_CAPABILITIES_FILE", capabilities.toString());
        configured.put("REELFORGE_JUDGE_MODE", "advisory");
        configured.put("REELFORGE_JUDGE_BASE_URL", fake.endpoint() + "/v1");
        configured.put("REELFORGE_JUDGE_MODEL", "leak-judge-1");
        configured.put("REELFORGE_JUDGE_API_KEY", JUDGE_KEY);
        env.putAll(configured);
        return builder;
    }

    /** The report.json the review wrote for a scenario's job (the job id is the scenario's name). */
    private static JsonNode report(Path data, String scenario) throws IOException {
        return JSON.readTree(data.resolve("s3")
                .resolve("reelforge-clips")
                .resolve(StorageKeys.report("demo", scenario))
                .toFile());
    }

    private static String line(String out, String prefix) {
        return out.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElse("(missing)");
    }
}
