package dev.reelforge.providers.replicate;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Replicate's HTTP API lives and how patiently to call it.
 *
 * @param baseUrl the API root, {@code https://api.replicate.com} on Replicate (paths start {@code /v1/})
 * @param apiToken sent as {@code Authorization: Bearer …} to the API only (never to the file host); never logged;
 *     kept stripped, and refused if an HTTP header cannot carry it
 */
public record ReplicateSettings(
        URI baseUrl,
        String apiToken,
        Duration connectTimeout,
        Duration requestTimeout,
        int startingPollSeconds,
        int processingPollSeconds) {
    public ReplicateSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiToken = ProviderHttp.headerSafeCredential("replicate", apiToken);
    }

    public static ReplicateSettings of(URI baseUrl, String apiToken) {
        return new ReplicateSettings(baseUrl, apiToken, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, 5);
    }

    /** The same settings polling every {@code seconds}, starting or processing (for a local fake). */
    public ReplicateSettings withPollSeconds(int seconds) {
        return new ReplicateSettings(baseUrl, apiToken, connectTimeout, requestTimeout, seconds, seconds);
    }

    @Override
    public String toString() {
        return "ReplicateSettings[baseUrl=" + baseUrl + ", apiToken=***]";
    }
}
