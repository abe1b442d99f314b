package dev.reelforge.core.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One webhook delivery as received: its headers (names case-insensitive) and the exact body bytes, which the
 * signature covers; the body must never be parsed and re-serialised before it is verified.
 */
public record WebhookRequest(Map<String, String> headers, byte[] body) {
    public WebhookRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        body = body.clone();
    }

    /** The header's value, or empty. */
    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
