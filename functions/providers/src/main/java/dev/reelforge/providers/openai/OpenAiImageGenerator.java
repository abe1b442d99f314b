package dev.reelforge.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ImageGenerator;
import dev.reelforge.core.reference.ImageSpec;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.ProviderHttp;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Base64;

/**
 * {@link ImageGenerator} over any OpenAI-compatible {@code POST /images/generations}: one image ({@code n: 1}) in
 * the model's portrait or landscape size nearest the frame, answered as {@code data[0].b64_json}. An answer that
 * only links the image ({@code url}) is refused, since the still must be kept, not fetched later from a URL that
 * expires. Busy or failing endpoints are {@code ProviderThrottledException}, moderation refusals {@code
 * ContentRejectedException}, credentials and answers without an image {@link ProviderFailedException}. Thread-safe.
 */
public final class OpenAiImageGenerator implements ImageGenerator {
    static final String NAME = "openai-images";
    private static final String WHAT = "generating the reference image";

    private final OpenAiImagesSettings settings;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Clock clock;

    public OpenAiImageGenerator(OpenAiImagesSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = new ProviderHttp(
                NAME, ProviderHttp.defaultClient(settings.connectTimeout()), json, settings.requestTimeout());
    }

    @Override
    public byte[] generate(ImageSpec spec) {
        HttpRequest call = http.request(ProviderHttp.under(settings.baseUrl(), "images/generations"))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.jsonBytes(body(spec))))
                .build();
        ProviderHttp.Answer answer = http.send(call, WHAT);
        if (!answer.ok()) {
            String detail = ProviderErrors.redact(ProviderErrors.detail(answer.jsonOrEmpty()), settings.apiKey());
            throw ProviderErrors.forStatus(NAME, WHAT, answer.status(), answer.headers(), detail, clock);
        }
        JsonNode image = answer.jsonBody().path("data").path(0);
        String b64 = image.path("b64_json").asText("");
        if (b64.isEmpty()) {
            throw new ProviderFailedException(NAME + " answered " + WHAT + " without data[0].b64_json"
                    + (image.has("url") ? " (only a URL, which Reelforge does not fetch)" : "")
                    + "; use a model or gateway that returns the image inline");
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new ProviderFailedException(NAME + " answered " + WHAT + " with b64_json that is not base64");
        }
    }

    ObjectNode body(ImageSpec spec) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("prompt", spec.prompt());
        body.put("n", 1);
        boolean dallE = settings.model().startsWith("dall-e");
        if (dallE) {
            body.put("size", spec.portrait() ? "1024x1792" : "1792x1024");
            body.put("response_format", "b64_json");
        } else {
            body.put("size", spec.portrait() ? "1024x1536" : "1536x1024");
        }
        return body;
    }
}
