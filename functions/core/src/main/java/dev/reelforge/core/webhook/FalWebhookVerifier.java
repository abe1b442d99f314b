package dev.reelforge.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * fal's ED25519 webhook signatures: {@code X-Fal-Webhook-Signature} (hex) over the lines request id, user id,
 * timestamp (Unix seconds) and the hex SHA-256 of the body, joined by newlines, under any of fal's published keys
 * (the JWKS at {@code https://rest.alpha.fal.ai/.well-known/jwks.json}: Ed25519 keys, {@code x} in base64url). The
 * provider job is the queue request id.
 */
public final class FalWebhookVerifier implements WebhookVerifier {
    /** The DER prefix that turns a raw 32-byte Ed25519 key into an X.509 SubjectPublicKeyInfo. */
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

    private final List<PublicKey> keys;

    /** @param publicKeys fal's keys as the JWKS gives them: each {@code x}, base64url of the raw 32 bytes */
    public FalWebhookVerifier(List<String> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("fal webhooks need at least one of fal's public keys (JWKS x values)");
        }
        List<PublicKey> parsed = new ArrayList<>();
        for (String x : publicKeys) {
            byte[] raw = Base64.getUrlDecoder().decode(x.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("a fal webhook key must be 32 bytes (Ed25519), not " + raw.length);
            }
            byte[] spki = new byte[ED25519_SPKI.length + raw.length];
            System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI.length, raw.length);
            try {
                parsed.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not an Ed25519 public key", e);
            }
        }
        this.keys = List.copyOf(parsed);
    }

    @Override
    public String provider() {
        return "fal-queue";
    }

    /** Our fal job id is the request's path under the queue root ({@code <app>/requests/<id>}); fal names the id. */
    @Override
    public String jobKey(String providerJobId) {
        int at = providerJobId.lastIndexOf("/requests/");
        return at < 0 ? providerJobId : providerJobId.substring(at + "/requests/".length());
    }

    @Override
    public Delivery verify(WebhookRequest request) {
        String requestId = request.header("x-fal-webhook-request-id");
        String userId = request.header("x-fal-webhook-user-id");
        String timestamp = request.header("x-fal-webhook-timestamp");
        String signature = request.header("x-fal-webhook-signature");
        if (requestId.isEmpty() || userId.isEmpty() || !timestamp.matches("\\d{1,12}") || signature.isEmpty()) {
            throw new WebhookRejectedException(401, "fal webhook lacks its X-Fal-Webhook-* signature headers");
        }
        byte[] signed = String.join("\n", requestId, userId, timestamp, sha256Hex(request.body()))
                .getBytes(StandardCharsets.UTF_8);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(401, "fal webhook signature is not hex");
        }
        for (PublicKey key : keys) {
            if (verifies(key, signed, given)) {
                return new Delivery(
                        requestId + "@" + timestamp, Instant.ofEpochSecond(Long.parseLong(timestamp)), requestId);
            }
        }
        throw new WebhookRejectedException(401, "fal webhook signature does not verify under fal's keys");
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] given) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signed);
            return ed25519.verify(given);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
