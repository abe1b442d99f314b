package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.reference.ImageSpec;
import dev.reelforge.core.request.FrameSize;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAI-compatible image generator against WireMock speaking {@code POST /v1/images/generations}. */
class OpenAiImageGeneratorTest {
    private static final String KEY = "sk-images-test-never-logged";
    private static final String PATH = "/v1/images/generations";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final ImageSpec portrait = new ImageSpec("a red kettle on a stove", "", new FrameSize(720, 1280), 7);
    private OpenAiImageGenerator generator;

    @BeforeEach
    void setUp() {
        generator = new OpenAiImageGenerator(
                OpenAiImagesSettings.of(URI.create(server.baseUrl() + "/v1"), KEY, "gpt-image-1"),
                new ObjectMapper(),
                clock);
    }

    private static void answer(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "7")
                        .withBody(body)));
    }

    @Test
    void generate_answersB64Json_returnsTheImageBytesAndAsksForOnePortraitImage() {
        answer(
                200,
                "{\"created\":1,\"data\":[{\"b64_json\":\""
                        + Base64.getEncoder().encodeToString(PNG) + "\"}]}");

        byte[] image = generator.generate(portrait);

        assertThat(image).isEqualTo(PNG);
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-1\",\"prompt\":\"a red kettle on a stove\","
                        + "\"n\":1,\"size\":\"1024x1536\"}")));
    }

    @Test
    void generate_rateLimited_isThrottledWithTheRetryAfter() {
        answer(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");

        assertThatThrownBy(() -> generator.generate(portrait))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("retry in 7 s");
    }

    @Test
    void generate_moderationRefusal_rejectsTheContent() {
        answer(
                400,
                "{\"error\":{\"code\":\"moderation_blocked\",\"message\":\"Your request was rejected by the"
                        + " safety system.\"}}");

        assertThatThrownBy(() -> generator.generate(portrait)).isInstanceOf(ContentRejectedException.class);
    }

    @Test
    void generate_badKey_failsWithoutQuotingIt() {
        answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        assertThatThrownBy(() -> generator.generate(portrait))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void generate_answerWithOnlyAUrl_isRefused() {
        answer(200, "{\"created\":1,\"data\":[{\"url\":\"https://cdn.example/img.png\"}]}");

        assertThatThrownBy(() -> generator.generate(portrait))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("only a URL");
    }

    @Test
    void generate_serverError_isThrottled() {
        answer(503, "{\"error\":{\"message\":\"overloaded\"}}");

        assertThatThrownBy(() -> generator.generate(portrait)).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void body_landscapeDallE_asksForItsSizeInline() {
        OpenAiImageGenerator dallE = new OpenAiImageGenerator(
                OpenAiImagesSettings.of(URI.create(server.baseUrl() + "/v1"), KEY, "dall-e-3"),
                new ObjectMapper(),
                clock);

        var body = dallE.body(new ImageSpec("a kettle", "", new FrameSize(1280, 720), 1));

        assertThat(body.path("size").asText()).isEqualTo("1792x1024");
        assertThat(body.path("response_format").asText()).isEqualTo("b64_json");
    }
}
