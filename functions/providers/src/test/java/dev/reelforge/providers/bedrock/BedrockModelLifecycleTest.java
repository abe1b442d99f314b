package dev.reelforge.providers.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ModelLifecycleSource.Status;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.LifecycleOverrides;
import dev.reelforge.core.provider.LifecycleRefresh;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import dev.reelforge.core.testing.DirectoryClipStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * Bedrock's GetFoundationModel ({@code GET /foundation-models/{id}}) on WireMock, with bodies shaped like the API
 * reference (FoundationModelDetails.modelLifecycle: status ACTIVE|LEGACY, endOfLifeTime; read 2026-12-02), and the
 * refresh that turns the answers into overrides Validate applies.
 */
class BedrockModelLifecycleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path bucketDir;

    private BedrockModelLifecycle lifecycle;

    @BeforeEach
    void setUp() {
        BedrockClient client = BedrockClient.builder()
                .region(Region.US_WEST_2)
                .endpointOverride(URI.create(server.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        lifecycle = new BedrockModelLifecycle(client, CLOCK);
    }

    /** The model's path, its colon as sent (the SDK percent-encodes it). */
    private static String path(String id) {
        return "/foundation-models/" + id.replace(".", "\\.").replace(":", "(:|%3A)");
    }

    private static void model(String id, String lifecycleJson) {
        server.stubFor(get(urlPathMatching(path(id)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"modelDetails\": {\"modelId\": \"" + id + "\", \"modelArn\":"
                                + " \"arn:aws:bedrock:us-west-2::foundation-model/" + id + "\", \"providerName\":"
                                + " \"Luma AI\", \"modelLifecycle\": " + lifecycleJson + "}}")));
    }

    private static void error(String id, int status, String type) {
        server.stubFor(get(urlPathMatching(path(id)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", type)
                        .withBody("{\"message\": \"" + type + "\"}")));
    }

    @Test
    void lookup_active_isActive() {
        model("luma.ray-v2:0", "{\"status\": \"ACTIVE\"}");

        assertThat(lifecycle.lookup("luma.ray-v2:0").lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void lookup_legacyWithEndOfLife_isLegacyUntilThatDay() {
        model("luma.ray-v2:0", "{\"status\": \"LEGACY\", \"endOfLifeTime\": \"2027-01-16T00:00:00Z\"}");

        Status status = lifecycle.lookup("luma.ray-v2:0");

        assertThat(status.lifecycle()).isEqualTo(Lifecycle.LEGACY);
        assertThat(status.endOfLife()).isEqualTo(LocalDate.parse("2027-01-16"));
        assertThat(status.detail()).contains("LEGACY").contains("2027-01-16");
    }

    @Test
    void lookup_endOfLifePassed_isRetired() {
        model("luma.ray-v2:0", "{\"status\": \"LEGACY\", \"endOfLifeTime\": \"2026-11-30T00:00:00Z\"}");

        assertThat(lifecycle.lookup("luma.ray-v2:0").lifecycle()).isEqualTo(Lifecycle.RETIRED);
    }

    @Test
    void lookup_unknownModel_isRetired() {
        error("amazon.nova-reel-v1:1", 404, "ResourceNotFoundException");

        assertThat(lifecycle.lookup("amazon.nova-reel-v1:1").lifecycle()).isEqualTo(Lifecycle.RETIRED);
    }

    @Test
    void lookup_accessDenied_raisesWithoutConcluding() {
        error("luma.ray-v2:0", 403, "AccessDeniedException");

        assertThatThrownBy(() -> lifecycle.lookup("luma.ray-v2:0"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("nothing is written");
    }

    @Test
    void refresh_everyBedrockModelOfTheData_writesOverridesThatValidateApplies() {
        model("luma.ray-v2:0", "{\"status\": \"LEGACY\", \"endOfLifeTime\": \"2026-11-30T00:00:00Z\"}");
        error("amazon.nova-reel-v1:1", 404, "ResourceNotFoundException");
        ObjectMapper json = new ObjectMapper();
        CapabilityCatalog bundled = CapabilityCatalog.bundled(json);
        DirectoryClipStore bucket = new DirectoryClipStore(bucketDir);

        LifecycleOverrides written = new LifecycleRefresh(bundled, lifecycle, bucket, json, CLOCK).run();

        assertThat(written.entries())
                .extracting(LifecycleOverrides.Entry::model)
                .containsExactlyInAnyOrder("luma.ray-v2:0", "amazon.nova-reel-v1:1");
        CapabilityCatalog current = LifecycleOverrides.read(bucket, json).applyTo(bundled);
        assertThat(current.find("bedrock-async", "luma.ray-v2:0").orElseThrow().isUsable(LocalDate.now(CLOCK)))
                .isFalse();
        assertThat(bundled.find("bedrock-async", "luma.ray-v2:0").orElseThrow().isUsable(LocalDate.now(CLOCK)))
                .isTrue();
    }
}
