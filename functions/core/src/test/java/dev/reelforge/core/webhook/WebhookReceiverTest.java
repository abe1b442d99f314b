package dev.reelforge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.port.ExecutionResumer;
import dev.reelforge.core.port.WebhookReplayGuard;
import dev.reelforge.core.testing.InMemoryTaskTokenRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * fal (ED25519) and Replicate (Standard Webhooks) deliveries through the receiver, with a recording Step Functions
 * client: a genuine one resumes its execution once; a forged, stale or replayed one is refused and records nothing.
 */
class WebhookReceiverTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAL_JOB = "024ca5b1-45d3-4afd-883e-ad3abe2a1c4d";
    private static final String SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("replicate-test-secret".getBytes());

    /** The recorded SFN client: every SendTaskSuccess, in order. */
    private final List<String> resumed = new ArrayList<>();

    private final ExecutionResumer stepFunctions = (token, output) -> resumed.add(token + " " + output);
    private final Set<String> seen = new HashSet<>();
    private final WebhookReplayGuard replays = (key, forgetAfter) -> seen.add(key);

    private final InMemoryTaskTokenRegistry tokens = new InMemoryTaskTokenRegistry();

    {
        tokens.register("fal-queue", FAL_JOB, "token-" + FAL_JOB, NOW.plusSeconds(600));
        tokens.register("replicate", "pred_1", "token-pred_1", NOW.plusSeconds(600));
    }

    private WebhookReceiver receiver(WebhookVerifier verifier) {
        return new WebhookReceiver(verifier, replays, tokens, stepFunctions, CLOCK, JSON);
    }

    /** An Ed25519 key pair from a seeded generator (SHA1PRNG seeded before first use repeats itself). */
    private static KeyPair falKeys(long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, random);
        return generator.generateKeyPair();
    }

    /** The JWKS {@code x} of an Ed25519 public key: its last 32 bytes, base64url. */
    private static String jwksX(KeyPair keys) {
        byte[] spki = keys.getPublic().getEncoded();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    private static WebhookRequest falDelivery(KeyPair keys, Instant at, String body) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(keys.getPrivate());
        ed25519.update(String.join("\n", FAL_JOB, "user-7", timestamp, digest).getBytes(StandardCharsets.UTF_8));
        return new WebhookRequest(
                Map.of(
                        "X-Fal-Webhook-Request-Id",
                        FAL_JOB,
                        "X-Fal-Webhook-User-Id",
                        "user-7",
                        "X-Fal-Webhook-Timestamp",
                        timestamp,
                        "X-Fal-Webhook-Signature",
                        HexFormat.of().formatHex(ed25519.sign())),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest replicateDelivery(String secret, String id, Instant at, String body)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = id + "." + at.getEpochSecond() + "." + body;
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return new WebhookRequest(
                Map.of(
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        Long.toString(at.getEpochSecond()),
                        "webhook-signature",
                        "v1," + signature),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String FAL_BODY = "{\"request_id\": \"" + FAL_JOB + "\", \"status\": \"OK\", \"payload\": {}}";

    @Test
    void receive_genuineFalDelivery_resumesItsExecutionOnce() throws Exception {
        KeyPair keys = falKeys(1);

        String job = receiver(new FalWebhookVerifier(List.of(jwksX(keys)))).receive(falDelivery(keys, NOW, FAL_BODY));

        assertThat(job).isEqualTo(FAL_JOB);
        assertThat(resumed)
                .containsExactly("token-" + FAL_JOB + " {\"provider\":\"fal-queue\",\"providerJobId\":\"" + FAL_JOB
                        + "\",\"signal\":\"webhook\"}");
    }

    @Test
    void receive_falBodyChangedAfterSigning_refusedAndNothingRecorded() throws Exception {
        KeyPair keys = falKeys(1);
        WebhookRequest genuine = falDelivery(keys, NOW, FAL_BODY);
        WebhookRequest forged = new WebhookRequest(
                genuine.headers(), FAL_BODY.replace("OK", "ERROR").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() ->
                        receiver(new FalWebhookVerifier(List.of(jwksX(keys)))).receive(forged))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("does not verify");
        assertThat(resumed).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void receive_falSignedByAnotherKey_refused() throws Exception {
        KeyPair ours = falKeys(1);
        KeyPair theirs = falKeys(2);

        assertThatThrownBy(() -> receiver(new FalWebhookVerifier(List.of(jwksX(ours))))
                        .receive(falDelivery(theirs, NOW, FAL_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThat(resumed).isEmpty();
    }

    @Test
    void receive_staleFalDelivery_refusedAndNothingRecorded() throws Exception {
        KeyPair keys = falKeys(1);

        assertThatThrownBy(() -> receiver(new FalWebhookVerifier(List.of(jwksX(keys))))
                        .receive(falDelivery(keys, NOW.minusSeconds(301), FAL_BODY)))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("stale");
        assertThat(resumed).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void receive_replayedReplicateDelivery_refusedTheSecondTime() throws Exception {
        WebhookReceiver receiver = receiver(new StandardWebhooksVerifier("replicate", SECRET, JSON));
        WebhookRequest delivery = replicateDelivery(
                SECRET, "msg_1", NOW.minusSeconds(10), "{\"id\": \"pred_1\", \"status\": \"succeeded\"}");

        receiver.receive(delivery);

        assertThatThrownBy(() -> receiver.receive(delivery))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("already received");
        assertThat(resumed).hasSize(1).allSatisfy(r -> assertThat(r).startsWith("token-pred_1 "));
    }

    @Test
    void receive_staleReplicateDelivery_refusedAsStaleAndNothingRecorded() throws Exception {
        WebhookRequest stale = replicateDelivery(
                SECRET, "msg_3", NOW.minusSeconds(301), "{\"id\": \"pred_1\", \"status\": \"succeeded\"}");

        assertThatThrownBy(() -> receiver(new StandardWebhooksVerifier("replicate", SECRET, JSON))
                        .receive(stale))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("stale");
        assertThat(resumed).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void receive_replicateSignedWithAnotherSecret_refusedAndNothingRecorded() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("someone-else".getBytes());
        WebhookRequest forged = replicateDelivery(other, "msg_2", NOW, "{\"id\": \"pred_1\"}");

        assertThatThrownBy(() -> receiver(new StandardWebhooksVerifier("replicate", SECRET, JSON))
                        .receive(forged))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        assertThat(resumed).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void receive_jobNobodyWaitsFor_refusedWithoutRecording() throws Exception {
        WebhookRequest delivery = replicateDelivery(SECRET, "msg_3", NOW, "{\"id\": \"pred_unknown\"}");

        assertThatThrownBy(() -> receiver(new StandardWebhooksVerifier("replicate", SECRET, JSON))
                        .receive(delivery))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(404));
        assertThat(seen).isEmpty();
    }

    @Test
    void receive_missingSignatureHeaders_refusedNamingThem() {
        WebhookRequest bare = new WebhookRequest(Map.of(), FAL_BODY.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> receiver(new StandardWebhooksVerifier("replicate", SECRET, JSON))
                        .receive(bare))
                .hasMessageContaining("webhook-signature");
        assertThat(resumed).isEmpty();
    }
}
