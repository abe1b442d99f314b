package dev.reelforge.core.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures, as Replicate sends them: {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature} (space-separated {@code v1,<base64>} entries), each an HMAC-SHA256 of
 * {@code id.timestamp.body} under the secret's bytes ({@code whsec_<base64>}, from Replicate's
 * {@code GET /v1/webhooks/default/secret}). The provider job is the body's prediction {@code id}.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {
    private static final String PREFIX = "whsec_";

    private final String provider;
    private final byte[] key;
    private final ObjectMapper json;

    public StandardWebhooksVerifier(String provider, String secret, ObjectMapper json) {
        if (secret == null || !secret.strip().startsWith(PREFIX)) {
            throw new IllegalArgumentException("the " + provider + " webhook secret must be a whsec_… signing secret");
        }
        this.provider = provider;
        this.key = Base64.getDecoder().decode(secret.strip().substring(PREFIX.length()));
        this.json = json;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Delivery verify(WebhookRequest request) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id.isEmpty() || !timestamp.matches("\\d{1,12}") || signatures.isEmpty()) {
            throw new WebhookRejectedException(
                    401, provider + " webhook lacks webhook-id, webhook-timestamp or webhook-signature");
        }
        byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), request.body());
        boolean matched = false;
        for (String entry : signatures.trim().split("\\s+")) {
            if (entry.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(3));
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                matched |= MessageDigest.isEqual(expected, given);
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(401, provider + " webhook signature does not verify");
        }
        String job;
        try {
            job = json.readTree(request.body()).path("id").asText("");
        } catch (IOException e) {
            throw new WebhookRejectedException(400, provider + " webhook body is not JSON");
        }
        return new Delivery(id, Instant.ofEpochSecond(Long.parseLong(timestamp)), job);
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
