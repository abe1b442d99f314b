package dev.reelforge.local.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.dynamodb.DynamoDbProviderJobLedger;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookTokens;
import dev.reelforge.core.webhook.StandardWebhooksVerifier;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.providers.AnimaticClips;
import dev.reelforge.local.providers.FakeProviderServer;
import dev.reelforge.local.serve.LocalServe;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.replicate.ReplicateProvider;
import dev.reelforge.providers.replicate.ReplicateSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Replicate's webhook completion end to end under {@code reelforge serve}: the real render.asl.json and handlers
 * in-process, the real {@code replicate} adapter against the Python fake's predictions API, and the bundled
 * capability data for {@code luma/ray-3.2} (which offers webhooks) with a deployer's price, given to serve as a
 * capabilities file. The test plays Replicate: when the fake's prediction is done it POSTs the completed prediction to
 * {@code /webhooks/replicate}, signed the Standard Webhooks way with the {@code whsec_} secret serve was given. The
 * genuine delivery resumes the render, which polls for the real state (the fake fails the first status call, which
 * the ASL retries) and succeeds without a polling loop; a replayed, forged or stale one is refused with nothing
 * recorded.
 */
class ReplicateWebhookServeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLED =
            Path.of("../../../functions/core/src/main/resources/dev/reelforge/core/provider-capabilities.json");
    private static final byte[] SECRET = "reelforge-replicate-webhook-key!".getBytes(StandardCharsets.US_ASCII);
    /** Long enough that the genuine delivery, not the fall-back poll, resumes the render. */
    private static final int TIMEOUT_SECONDS = 120;

    private static final Duration RENDER = Duration.ofMinutes(3);
    private static final String PROMPT = "A heavy red rubber ball on a wooden table, locked-off camera.\n"
            + "00:00–00:02: the ball rests on the table.\n"
            + "00:02–00:05: the ball rolls off the edge and falls onto the tile floor.";

    @TempDir
    static Path dataDir;

    private static FakeProviderServer fake;
    private static String endpoint;
    private static LocalAwsStack stack;
    private static LocalServe serve;
    private static AwsClients clients;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path clip = dataDir.resolve("ray.mp4");
        AnimaticClips.silent(clipRequest(), List.of(), clip);
        fake = FakeProviderServer.start(
                dataDir.resolve("fake.err"), List.of("--clip", clip.toString(), "--replicate-clip", clip.toString()));
        endpoint = fake.endpoint();
        stack = LocalAwsStack.start(dataDir.resolve("stack"));
        ReplicateProvider replicate = new ReplicateProvider(
                ReplicateSettings.of(URI.create(endpoint), "r8_test-token").withPollSeconds(1),
                JSON,
                new DynamoDbProviderJobLedger(
                        stack.clients().dynamoDb(), stack.settings().tables().promptCache()),
                Clock.systemUTC());
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SECRET);
        serve = LocalServe.start(
                stack,
                dataDir.resolve("stack"),
                0,
                EngineClock.system(),
                Map.of("replicate", replicate),
                new LocalServe.Webhooks(
                        TIMEOUT_SECONDS, Map.of("replicate", new StandardWebhooksVerifier("replicate", secret, JSON))),
                pricedCapabilities());
        clients = AwsClients.create(stack.endpoints().withSfnEndpoint(serve.endpoint()));
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void genuineWebhook_resumesTheRender_andForgedStaleOrReplayedOnesAreRefusedWithNothingRecorded() throws Exception {
        String execution = startRender("replicate-hook");
        String prediction = "rfakepred%016d".formatted(1);
        await(() -> registered(prediction) ? prediction : null);
        JsonNode asked = control("GET", prediction);
        assertThat(asked.path("webhook").asText()).isEqualTo(serve.endpoint() + "/webhooks/replicate");
        assertThat(asked.path("webhook_events_filter").toString()).isEqualTo("[\"completed\"]");

        HttpResponse<String> forged = post(forged("msg_forged", prediction));
        HttpResponse<String> stale = post(delivery("msg_stale", Instant.now().minusSeconds(600), body(prediction)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(400);
        assertThat(stale.body()).contains("stale");
        assertThat(deliveryRecords())
                .as("nothing recorded for the refused ones")
                .isZero();
        assertThat(entered(execution)).last().isEqualTo("WaitForWebhook");

        control("POST", prediction);
        HttpRequest genuine = delivery("msg_completed", Instant.now(), body(prediction));
        assertThat(post(genuine).statusCode()).isEqualTo(202);
        JsonNode done = await(() -> {
            var described = clients.sfn().describeExecution(b -> b.executionArn(execution));
            return described.statusAsString().equals("RUNNING")
                    ? null
                    : JSON.createObjectNode()
                            .put("status", described.statusAsString())
                            .put("cause", described.cause());
        });

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(entered(execution))
                .containsSubsequence("Submit", "WaitForWebhook", "Poll", "ReviewScore")
                .doesNotContain("WaitForRender", "PollInstead");
        assertThat(deliveryRecords()).isEqualTo(1);
        HttpResponse<String> replayed = post(genuine);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
        assertThat(deliveryRecords()).isEqualTo(1);
    }

    private static String startRender(String name) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", name)
                .put("prompt", PROMPT)
                .put("budgetUsd", 20)
                .put("maxAttempts", 1);
        request.putObject("provider").put("name", "replicate");
        request.set("settings", settings());
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        return clients.sfn()
                .startExecution(
                        b -> b.stateMachineArn(LocalServe.RENDER_ARN).name(name).input(input.toString()))
                .executionArn();
    }

    private static ObjectNode settings() {
        return JSON.createObjectNode()
                .put("aspectRatio", "9:16")
                .put("durationSeconds", 5)
                .put("resolution", "720p")
                .put("fps", 24)
                .put("variations", 1)
                .put("style", "studio");
    }

    private static boolean registered(String prediction) {
        return new DynamoDbWebhookTokens(
                        stack.clients().dynamoDb(), stack.settings().tables().promptCache(), Clock.systemUTC())
                .tokenFor("replicate", prediction)
                .isPresent();
    }

    /** The prediction as Replicate's completed webhook carries it: the body GET returns. */
    private static String body(String prediction) {
        return body(prediction, "succeeded");
    }

    private static String body(String prediction, String status) {
        return JSON.createObjectNode()
                .put("id", prediction)
                .put("model", "luma/ray-3.2")
                .put("status", status)
                .put("output", endpoint + "/replicate-files/" + prediction + ".mp4")
                .toString();
    }

    /** Signed for a failed prediction, sent claiming it succeeded. */
    private static HttpRequest forged(String id, String prediction) throws Exception {
        HttpRequest signed = delivery(id, Instant.now(), body(prediction, "failed"));
        HttpRequest.Builder sent = HttpRequest.newBuilder(signed.uri());
        signed.headers().map().forEach((name, values) -> values.forEach(value -> sent.header(name, value)));
        return sent.POST(HttpRequest.BodyPublishers.ofString(body(prediction))).build();
    }

    /** A Standard Webhooks delivery: HMAC-SHA256 of {@code id.timestamp.body} under the secret, as {@code v1,…}. */
    private static HttpRequest delivery(String id, Instant at, String body) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(serve.endpoint() + "/webhooks/replicate"))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> post(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode control(String method, String prediction) throws Exception {
        String path = endpoint + "/_replicate/" + prediction + (method.equals("POST") ? "/complete" : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path));
        HttpResponse<String> answer = http.send(
                method.equals("POST")
                        ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                        : request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static <T> T await(Supplier<T> condition) throws Exception {
        Instant deadline = Instant.now().plus(RENDER);
        while (Instant.now().isBefore(deadline)) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached within " + RENDER);
    }

    private static List<String> entered(String execution) {
        return clients.sfn().getExecutionHistoryPaginator(b -> b.executionArn(execution)).events().stream()
                .map(HistoryEvent::stateEnteredEventDetails)
                .filter(d -> d != null)
                .map(d -> d.name())
                .toList();
    }

    /** The replay guard's records: one per accepted delivery. */
    private static int deliveryRecords() {
        return (int)
                stack
                        .clients()
                        .dynamoDb()
                        .scanPaginator(
                                b -> b.tableName(stack.settings().tables().promptCache()))
                        .items()
                        .stream()
                        .filter(item -> item.get("cacheKey").s().startsWith("webhook-delivery#"))
                        .count();
    }

    /** The bundled data with a price for Replicate's Ray 3.2, as a deployer sets one (none is bundled). */
    private static Path pricedCapabilities() throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(BUNDLED.toFile());
        for (JsonNode model : data.path("models")) {
            if (model.path("provider").asText().equals("replicate")) {
                ((ObjectNode) model).put("pricePerSecondUsd", 0.05);
            }
        }
        Path file = dataDir.resolve("capabilities.json");
        Files.write(file, JSON.writeValueAsBytes(data));
        return file;
    }

    /** The request whose animatic the fake serves, without sound (Ray renders none). */
    private static ObjectNode clipRequest() {
        ObjectNode json = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", "clip")
                .put("prompt", PROMPT);
        json.set("settings", settings());
        return json;
    }
}
