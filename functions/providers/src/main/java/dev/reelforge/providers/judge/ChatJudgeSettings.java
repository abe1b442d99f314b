package dev.reelforge.providers.judge;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible chat-completions endpoint with vision lives, which model judges, and how patiently
 * to call it.
 *
 * @param baseUrl the API root including the version, e.g. {@code https://gateway.example/v1}
 * @param apiKey sent as a bearer token; from Secrets Manager in AWS, the environment locally; never logged; kept
 *     stripped, and refused if an HTTP header cannot carry it
 * @param model a model that reads images and honours {@code response_format: json_schema}
 */
public record ChatJudgeSettings(
        URI baseUrl, String apiKey, String model, Duration connectTimeout, Duration requestTimeout) {
    public ChatJudgeSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = ProviderHttp.headerSafeCredential(OpenAiChatJudge.NAME, apiKey);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the visual judge needs a model name");
        }
    }

    public static ChatJudgeSettings of(URI baseUrl, String apiKey, String model) {
        return new ChatJudgeSettings(baseUrl, apiKey, model, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public ChatJudgeSettings withRequestTimeout(Duration timeout) {
        return new ChatJudgeSettings(baseUrl, apiKey, model, connectTimeout, timeout);
    }

    @Override
    public String toString() {
        return "ChatJudgeSettings[baseUrl=" + baseUrl + ", apiKey=***, model=" + model + "]";
    }
}
