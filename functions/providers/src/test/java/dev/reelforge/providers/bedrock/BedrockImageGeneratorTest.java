package dev.reelforge.providers.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** The bedrock-image adapter through the real SDK client against a local fake shaped like Bedrock's InvokeModel. */
class BedrockImageGeneratorTest {
    private static final String MODEL = "stability.stable-image-core-v1:1";
    private static final String PATH = "/model/stability.stable-image-core-v1%3A1/invoke";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 4, 5, 6};

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private BedrockRuntimeClient client;
    private BedrockImageGenerator generator;
    private final ImageSpec landscape = new ImageSpec("a red kettle", MODEL, new FrameSize(1280, 720), 5_000_000_000L);

    @BeforeEach
    void setUp() {
        client = BedrockRuntimeClient.builder()
                .region(Region.US_WEST_2)
                .endpointOverride(URI.create(server.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(
                        o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
        generator = new BedrockImageGenerator(
                client, MODEL, new ObjectMapper(), Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static void answer(int status, String type, String body) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json");
        if (type != null) {
            response = response.withHeader("x-amzn-ErrorType", type);
        }
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response.withBody(body)));
    }

    @Test
    void generate_imageInTheAnswer_returnsItAndSendsTheStabilityBody() {
        answer(
                200,
                null,
                "{\"seeds\":[705032703],\"finish_reasons\":[null],\"images\":[\""
                        + Base64.getEncoder().encodeToString(PNG) + "\"]}");

        assertThat(generator.generate(landscape)).isEqualTo(PNG);
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"prompt\":\"a red kettle\",\"aspect_ratio\":\"16:9\","
                        + "\"output_format\":\"png\",\"seed\":705032705}")));
    }

    @Test
    void generate_filteredPrompt_rejectsTheContent() {
        answer(200, null, "{\"seeds\":[1],\"finish_reasons\":[\"Filter reason: prompt\"],\"images\":[]}");

        assertThatThrownBy(() -> generator.generate(landscape))
                .isInstanceOf(ContentRejectedException.class)
                .hasMessageContaining("Filter reason: prompt");
    }

    @Test
    void generate_throttled_isRetriedLater() {
        answer(
                429,
                "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
                "{\"message\":\"Too many requests, please wait before trying again.\"}");

        assertThatThrownBy(() -> generator.generate(landscape)).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void generate_noImage_fails() {
        answer(200, null, "{\"seeds\":[1],\"finish_reasons\":[\"Inference error\"],\"images\":[]}");

        assertThatThrownBy(() -> generator.generate(landscape))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("Inference error");
    }

    @Test
    void new_amazonModel_isRefusedWhenBuilt() {
        assertThatThrownBy(() -> new BedrockImageGenerator(
                        client, "amazon.nova-canvas-v1:0", new ObjectMapper(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Stability model");
    }
}
