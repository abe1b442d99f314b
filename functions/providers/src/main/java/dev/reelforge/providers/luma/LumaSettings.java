package dev.reelforge.providers.luma;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Luma's Agents API lives and how patiently to call it.
 *
 * @param baseUrl the API root, {@code https://agents.lumalabs.ai/v1} at Luma
 * @param apiKey sent as {@code Authorization: Bearer …} to the API only (never to the presigned file host); never
 *     logged; kept stripped, and refused if an HTTP header cannot carry it
 */
public record LumaSettings(
        URI baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        int queuedPollSeconds,
        int runningPollSeconds) {
    public static final URI LUMA_API = URI.create("https://agents.lumalabs.ai/v1");

    public LumaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = ProviderHttp.headerSafeCredential("luma", apiKey);
    }

    public static LumaSettings of(URI baseUrl, String apiKey) {
        return new LumaSettings(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, 5);
    }

    @Override
    public String toString() {
        return "LumaSettings[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
