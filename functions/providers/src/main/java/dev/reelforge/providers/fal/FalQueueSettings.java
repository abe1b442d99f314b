package dev.reelforge.providers.fal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a fal-style queue lives and how patiently to call it.
 *
 * @param baseUrl the queue root, {@code https://queue.fal.run} on fal
 * @param apiKey sent as {@code Authorization: Key …} to the queue only (never to the file host); never logged
 */
public record FalQueueSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
        int queuedPollSeconds, int runningPollSeconds) {
    public FalQueueSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the fal-queue adapter needs an API key");
        }
    }

    public static FalQueueSettings of(URI baseUrl, String apiKey) {
        return new FalQueueSettings(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, 5);
    }

    public FalQueueSettings withRequestTimeout(Duration timeout) {
        return new FalQueueSettings(baseUrl, apiKey, connectTimeout, timeout, queuedPollSeconds, runningPollSeconds);
    }

    @Override
    public String toString() {
        return "FalQueueSettings[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
