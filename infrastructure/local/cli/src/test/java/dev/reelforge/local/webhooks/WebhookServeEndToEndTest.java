package dev.reelforge.local.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookTokens;
import dev.reelforge.core.webhook.FalWebhookVerifier;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.providers.AnimaticClips;
import dev.reelforge.local.serve.LocalServe;
import dev.reelforge.local.stack.LocalAwsStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Webhook completion end to end under {@code reelforge serve}: the real render.asl.json, every handler in-process on
 * the local stack, and a fal queue ({@link FakeFalQueue}) whose model's capability data offers webhooks. The test
 * plays fal: it signs deliveries with an Ed25519 key whose public half serve was given, and POSTs them to
 * {@code /webhooks/fal-queue}. A genuine one resumes the render, which then polls once for the job's real state;
 * forged, stale and replayed ones are refused with nothing recorded and the render still waiting; a lost one costs
 * the wait's timeout, after which polling completes the render.
 */
class WebhookServeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_SECONDS = 10;
    private static final Duration RENDER = Duration.ofMinutes(4);
    private static final String PROMPT = "A heavy red rubber ball (600 g) dropped onto a concrete floor. Camera: static"
            + " wide shot.\n00:00–00:02: the ball falls and bounces, each bounce lower.\n00:02–00:05: it rolls to a stop.";

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static LocalServe serve;
    private static AwsClients clients;
    private static FakeFalQueue fal;
    private static KeyPair keys;
    private static DynamoDbWebhookTokens tokens;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path clip = dataDir.resolve("ray.mp4");
        AnimaticClips.silent(clipRequest(), List.of(), clip);
        fal = new FakeFalQueue(clip);
        keys = falKeys(21);
        stack = LocalAwsStack.start(dataDir.resolve("stack"));
        serve = LocalServe.start(
                stack,
                dataDir.resolve("stack"),
                0,
                EngineClock.system(),
                Map.of("fal-queue", fal),
                new LocalServe.Webhooks(
                        TIMEOUT_SECONDS, Map.of("fal-queue", new FalWebhookVerifier(List.of(jwksX(keys))))));
        clients = AwsClients.create(stack.endpoints().withSfnEndpoint(serve.endpoint()));
        tokens = new DynamoDbWebhookTokens(
                stack.clients().dynamoDb(), stack.settings().tables().promptCache(), Clock.systemUTC());
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
    }

    @Test
    void genuineWebhook_resumesTheRender_whichSucceedsWithOnePollAndNoPollingLoop() throws Exception {
        int pollsBefore = fal.polls();
        int submitted = fal.submits();
        String execution = start("hook-genuine");
        String id = awaitRegistered(submitted + 1, Optional.empty());
        assertThat(fal.webhookUrl(id)).isEqualTo(serve.endpoint() + "/webhooks/fal-queue");

        fal.finish(id);
        Instant signedAt = Instant.now();
        assertThat(post(delivery(id, signedAt, body(id))).statusCode()).isEqualTo(202);

        JsonNode done = awaitEnd(execution);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        List<String> entered = entered(execution);
        assertThat(entered).containsSubsequence("Submit", "RenderDone?", "WaitForWebhook", "Poll", "ReviewScore");
        assertThat(entered).doesNotContain("WaitForRender", "PollInstead");
        assertThat(fal.polls() - pollsBefore).as("one poll, after the webhook").isEqualTo(1);
        int deliveries = deliveryRecords();

        HttpResponse<String> replay = post(delivery(id, signedAt, body(id)));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
        assertThat(deliveryRecords()).isEqualTo(deliveries);
    }

    @Test
    void forgedStaleAndReplayedWebhooks_areRefusedWithNothingRecorded_andPollingFinishesAfterTheTimeout()
            throws Exception {
        int pollsBefore = fal.polls();
        int submitted = fal.submits();
        String execution = start("hook-refused");
        String id = awaitRegistered(submitted + 1, Optional.empty());
        String firstToken = tokens.tokenFor("fal-queue", id).orElseThrow();
        Instant signedAt = Instant.now();
        HttpRequest early = delivery(id, signedAt, body(id));
        assertThat(post(early).statusCode())
                .as("genuine, though the render is not done yet")
                .isEqualTo(202);
        awaitRegistered(submitted + 1, Optional.of(firstToken));
        assertThat(fal.polls() - pollsBefore)
                .as("the webhook woke Poll, which found the job still running")
                .isEqualTo(1);
        int deliveries = deliveryRecords();

        HttpResponse<String> replayed = post(early);
        HttpResponse<String> forged = post(forged(id, Instant.now()));
        HttpResponse<String> stale = post(delivery(id, Instant.now().minusSeconds(600), body(id)));

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(400);
        assertThat(stale.body()).contains("stale");
        assertThat(deliveryRecords())
                .as("nothing recorded for the refused ones")
                .isEqualTo(deliveries);
        assertThat(describe(execution).path("status").asText()).isEqualTo("RUNNING");
        assertThat(entered(execution)).last().isEqualTo("WaitForWebhook");
        assertThat(fal.polls() - pollsBefore).isEqualTo(1);

        fal.finish(id);
        JsonNode done = awaitEnd(execution);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(entered(execution))
                .containsSubsequence("WaitForWebhook", "Poll", "WaitForWebhook", "PollInstead", "Poll");
        assertThat(fal.polls() - pollsBefore)
                .as("the fall-back poll found it done")
                .isEqualTo(2);
    }

    private static String start(String name) throws Exception {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", name)
                .put("prompt", PROMPT)
                .put("budgetUsd", 20)
                .put("maxAttempts", 1);
        request.putObject("provider").put("name", "fal-queue");
        request.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "720p")
                .put("fps", 24)
                .put("variations", 1)
                .put("style", "studio");
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        return sfn().startExecution(
                        b -> b.stateMachineArn(LocalServe.RENDER_ARN).name(name).input(input.toString()))
                .executionArn();
    }

    /** Waits until the {@code n}th request's task token is registered (and differs from {@code previous}). */
    private static String awaitRegistered(int n, Optional<String> previous) throws Exception {
        return await(() -> {
            if (fal.submits() < n) {
                return null;
            }
            String id = FakeFalQueue.request(n);
            Optional<String> token = tokens.tokenFor("fal-queue", id);
            return token.isPresent() && !token.equals(previous) ? id : null;
        });
    }

    private static JsonNode awaitEnd(String execution) throws Exception {
        return await(() -> {
            JsonNode described = describe(execution);
            return described.path("status").asText().equals("RUNNING") ? null : described;
        });
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

    private static JsonNode describe(String execution) {
        var described = sfn().describeExecution(b -> b.executionArn(execution));
        return JSON.createObjectNode()
                .put("status", described.statusAsString())
                .put("error", described.error())
                .put("cause", described.cause());
    }

    private static List<String> entered(String execution) {
        return sfn().getExecutionHistoryPaginator(b -> b.executionArn(execution)).events().stream()
                .map(HistoryEvent::stateEnteredEventDetails)
                .filter(d -> d != null)
                .map(d -> d.name())
                .toList();
    }

    private static SfnClient sfn() {
        return clients.sfn();
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

    private static String body(String id) {
        return "{\"request_id\": \"" + id + "\", \"gateway_request_id\": \"" + id
                + "\", \"status\": \"OK\", \"payload\": {\"video\": {\"url\": \"https://v3.fal.media/x.mp4\"}}}";
    }

    private static HttpRequest delivery(String id, Instant at, String body) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        return request(id, timestamp, sign(id, timestamp, body), body);
    }

    /** Signed for one body, sent with another: the completed status is claimed for a failed render. */
    private static HttpRequest forged(String id, Instant at) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        String signed = body(id).replace("\"OK\"", "\"ERROR\"");
        return request(id, timestamp, sign(id, timestamp, signed), body(id));
    }

    private static HttpRequest request(String id, String timestamp, String signature, String body) {
        return HttpRequest.newBuilder(URI.create(serve.endpoint() + "/webhooks/fal-queue"))
                .header("Content-Type", "application/json")
                .header("X-Fal-Webhook-Request-Id", id)
                .header("X-Fal-Webhook-User-Id", "user-21")
                .header("X-Fal-Webhook-Timestamp", timestamp)
                .header("X-Fal-Webhook-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String sign(String id, String timestamp, String body) throws Exception {
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(keys.getPrivate());
        ed25519.update(String.join("\n", id, "user-21", timestamp, digest).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(ed25519.sign());
    }

    private static HttpResponse<String> post(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An Ed25519 key pair from a seeded generator (SHA1PRNG seeded before first use repeats itself). */
    private static KeyPair falKeys(long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, random);
        return generator.generateKeyPair();
    }

    private static String jwksX(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** The request whose animatic the fake serves, without sound (Ray renders none), at the model's 720p. */
    private static ObjectNode clipRequest() {
        ObjectNode json = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", "clip")
                .put("prompt", PROMPT);
        json.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "720p")
                .put("fps", 24)
                .put("style", "studio");
        return json;
    }
}
