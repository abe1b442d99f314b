package dev.reelforge.core.webhook;

import java.util.Locale;

/**
 * Where providers call back and how long the workflow waits for them before it polls: the webhook function's URL
 * in AWS (its Function URL), {@code reelforge serve}'s {@code /webhooks/} locally. Submit hands
 * {@link #urlFor(String)} to a provider whose capability data offers webhooks; {@link #NONE} keeps every provider on
 * polling ({@code reelforge run}, a deployment without the webhook function).
 *
 * <pre>{@code
 * new WebhookRoute("https://abc.lambda-url.us-east-1.on.aws", 600).urlFor("fal-queue")
 * // https://abc.lambda-url.us-east-1.on.aws/webhooks/fal-queue
 * }</pre>
 *
 * @param baseUrl the endpoint's root, http(s), or empty for none
 * @param timeoutSeconds how long {@code WaitForWebhook} waits before falling back to polling
 */
public record WebhookRoute(String baseUrl, int timeoutSeconds) {
    /** Longest wait for a webhook: a render rarely takes longer, and polling takes over after it anyway. */
    public static final int MAX_TIMEOUT_SECONDS = 3600;

    public static final WebhookRoute NONE = new WebhookRoute("", 0);

    public WebhookRoute {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        String scheme = baseUrl.toLowerCase(Locale.ROOT);
        if (!baseUrl.isEmpty() && !scheme.startsWith("https://") && !scheme.startsWith("http://")) {
            throw new IllegalArgumentException("the webhook URL must be http(s)://…, not '" + baseUrl + "'");
        }
        if (!baseUrl.isEmpty() && (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException(
                    "the webhook timeout must be 1.." + MAX_TIMEOUT_SECONDS + " seconds, not " + timeoutSeconds);
        }
        timeoutSeconds = baseUrl.isEmpty() ? 0 : timeoutSeconds;
    }

    public boolean enabled() {
        return !baseUrl.isEmpty();
    }

    /** The URL a provider posts to: {@code <base>/webhooks/<provider>}. */
    public String urlFor(String provider) {
        if (!enabled()) {
            throw new IllegalStateException("no webhook endpoint is configured");
        }
        return baseUrl + "/webhooks/" + provider;
    }
}
