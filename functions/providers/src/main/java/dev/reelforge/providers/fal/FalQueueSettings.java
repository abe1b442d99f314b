package dev.reelforge.providers.fal;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a fal-style queue lives and how patiently to call it.
 *
 * @param baseUrl the queue root, {@code https://queue.fal.run} on fal
 * @param apiKey sent as {@code Authorization: Key …} to the queue only (never to the file host); never logged; kept
 *     stripped, and refused if an HTTP header cannot carry it
 */
public record FalQueueSettings(
        URI baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        int queuedPollSeconds,
        int runningPollSeconds) {
    public FalQueueSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = ProviderHttp.headerSafeCredential("fal-queue", apiKey);
    }

    public static FalQueueSettings of(URI baseUrl, String apiKey) {
        return new FalQueueSettings(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, 5);
    }

    public FalQueueSettings withRequestTimeout(Duration timeout) {
        return new FalQueueSettings(baseUrl, apiKey, connectTimeout, timeout, queuedPollSeconds, runningPollSeconds);
    }

    /** The same settings polling every {@code seconds}, queued or running (for a local fake). */
    public FalQueueSettings withPollSeconds(int seconds) {
        return new FalQueueSettings(baseUrl, apiKey, connectTimeout, requestTimeout, seconds, seconds);
    }

    @Override
    public String toString() {
        return "FalQueueSettings[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
