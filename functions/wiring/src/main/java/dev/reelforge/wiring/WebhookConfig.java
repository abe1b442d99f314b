package dev.reelforge.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.webhook.FalWebhookVerifier;
import dev.reelforge.core.webhook.StandardWebhooksVerifier;
import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.core.webhook.WebhookVerifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook settings of a deployment: where providers call back ({@link WebhookRoute}, Submit's) and how each
 * provider's deliveries are verified (the webhook function's). The verification keys live in one Secrets Manager
 * secret, a JSON object by provider:
 *
 * <pre>{@code
 * {"fal-queue": {"publicKeys": ["<JWKS x>", "..."]}, "replicate": {"secret": "whsec_..."}}
 * }</pre>
 *
 * fal's keys are public (its JWKS) but rotate, so they are kept with the secret rather than in code; Replicate's is a
 * shared signing secret.
 */
public final class WebhookConfig {
    private WebhookConfig() {}

    /** REELFORGE_WEBHOOK_URL and REELFORGE_WEBHOOK_TIMEOUT_SECONDS (default 600); none without a URL. */
    static WebhookRoute route(Map<String, String> env) {
        String url = env.getOrDefault("REELFORGE_WEBHOOK_URL", "").strip();
        String timeout =
                env.getOrDefault("REELFORGE_WEBHOOK_TIMEOUT_SECONDS", "600").strip();
        try {
            return url.isEmpty() ? WebhookRoute.NONE : new WebhookRoute(url, Integer.parseInt(timeout));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "REELFORGE_WEBHOOK_URL / REELFORGE_WEBHOOK_TIMEOUT_SECONDS: " + e.getMessage(), e);
        }
    }

    /**
     * The verifiers the secret's JSON configures, by provider name.
     *
     * @throws IllegalStateException naming the provider whose entry is wrong (never quoting the secret)
     */
    public static Map<String, WebhookVerifier> verifiers(String secretJson, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(secretJson);
        } catch (IOException e) {
            throw new IllegalStateException("the webhook secret is not a JSON object by provider");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the webhook secret is not a JSON object by provider");
        }
        Map<String, WebhookVerifier> verifiers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String provider = entry.getKey();
            try {
                verifiers.put(provider, verifier(provider, entry.getValue(), json));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("webhook secret, " + provider + ": " + e.getMessage());
            }
        }
        return Map.copyOf(verifiers);
    }

    private static WebhookVerifier verifier(String provider, JsonNode entry, ObjectMapper json) {
        if (provider.equals("fal-queue")) {
            List<String> keys = new ArrayList<>();
            entry.path("publicKeys").forEach(k -> keys.add(k.asText()));
            return new FalWebhookVerifier(keys);
        }
        if (entry.hasNonNull("secret")) {
            return new StandardWebhooksVerifier(provider, entry.get("secret").asText(), json);
        }
        throw new IllegalArgumentException("needs publicKeys (fal-queue) or a Standard Webhooks secret (whsec_…)");
    }
}
