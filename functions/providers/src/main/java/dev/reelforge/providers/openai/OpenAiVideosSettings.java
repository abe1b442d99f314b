package dev.reelforge.providers.openai;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible Videos endpoint lives and how patiently to call it.
 *
 * @param baseUrl the API root including the version, e.g. {@code https://gateway.example/v1}
 * @param apiKey sent as a bearer token; from Secrets Manager in AWS, the environment locally; never logged; kept
 *     stripped, and refused if an HTTP header cannot carry it
 * @param defaultPollAfterSeconds used when the answer has no {@code openai-poll-after-ms} header
 */
public record OpenAiVideosSettings(
        URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout, int defaultPollAfterSeconds) {
    public OpenAiVideosSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = ProviderHttp.headerSafeCredential("openai-videos", apiKey);
    }

    public static OpenAiVideosSettings of(URI baseUrl, String apiKey) {
        return new OpenAiVideosSettings(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30), 10);
    }

    public OpenAiVideosSettings withRequestTimeout(Duration timeout) {
        return new OpenAiVideosSettings(baseUrl, apiKey, connectTimeout, timeout, defaultPollAfterSeconds);
    }

    @Override
    public String toString() {
        return "OpenAiVideosSettings[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
