package dev.reelforge.providers.openai;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible Images endpoint lives and which model it generates with.
 *
 * @param baseUrl the API root including the version, e.g. {@code https://gateway.example/v1}
 * @param apiKey sent as a bearer token; never logged, refused if an HTTP header cannot carry it
 */
public record OpenAiImagesSettings(
        URI baseUrl, String apiKey, String model, Duration connectTimeout, Duration requestTimeout) {
    public OpenAiImagesSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        apiKey = ProviderHttp.headerSafeCredential(OpenAiImageGenerator.NAME, apiKey);
    }

    public static OpenAiImagesSettings of(URI baseUrl, String apiKey, String model) {
        return new OpenAiImagesSettings(baseUrl, apiKey, model, Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    @Override
    public String toString() {
        return "OpenAiImagesSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=***]";
    }
}
