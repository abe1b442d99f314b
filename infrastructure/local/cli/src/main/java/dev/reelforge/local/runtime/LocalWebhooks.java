package dev.reelforge.local.runtime;

import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.core.webhook.WebhookVerifier;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Provider webhooks in a local run. Off in {@code reelforge run}, which has no endpoint a provider could reach, so
 * every render polls; {@code reelforge serve} connects its own URL ({@code /webhooks/<provider>}), the wait's
 * timeout and the verifiers once it listens. Submit reads the route and the webhook function the verifiers on each
 * call, so the handlers can be wired before the server starts. Thread-safe.
 */
public final class LocalWebhooks {
    private final AtomicReference<WebhookRoute> route = new AtomicReference<>(WebhookRoute.NONE);
    private final AtomicReference<Map<String, WebhookVerifier>> verifiers = new AtomicReference<>(Map.of());

    public void connect(WebhookRoute route, Map<String, WebhookVerifier> verifiers) {
        this.verifiers.set(Map.copyOf(verifiers));
        this.route.set(route);
    }

    public WebhookRoute route() {
        return route.get();
    }

    public Map<String, WebhookVerifier> verifiers() {
        return verifiers.get();
    }
}
