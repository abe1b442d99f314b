package dev.reelforge.providers.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.providers.Fixtures;
import dev.reelforge.providers.Specs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** The bedrock-async adapter through the real SDK v2 client, its endpoint overridden to WireMock (REST-JSON). */
class BedrockAsyncProviderTest {
    private static final String ARN = "arn:aws:bedrock:us-west-2:123456789012:async-invoke/abcdef012345";
    private static final String GET_PATH =
            "/async-invoke/arn%3Aaws%3Abedrock%3Aus-west-2%3A123456789012%3Aasync-invoke%2Fabcdef012345";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path bucketDir;

    @TempDir
    Path work;

    private BedrockRuntimeClient client;
    private BedrockAsyncProvider provider;
    private DirectoryClipStore bucket;
    private final GenerationSpec spec = Specs.landscape("luma.ray-v2:0", 5);
    private final String token = BedrockAsyncProvider.clientRequestToken("job-1/1/0");

    @BeforeEach
    void setUp() {
        client = BedrockRuntimeClient.builder()
                .region(Region.US_WEST_2)
                .endpointOverride(URI.create(server.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        bucket = new DirectoryClipStore(bucketDir);
        provider = new BedrockAsyncProvider(
                client,
                URI.create("s3://reelforge-clips/provider-output/bedrock"),
                bucket,
                new InMemoryProviderJobLedger(),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private String fixture(String name) {
        return Fixtures.read("bedrock/" + name).replace("{{TOKEN}}", token);
    }

    private void stubGet(String fixture) {
        server.stubFor(get(urlEqualTo(GET_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture(fixture))));
    }

    private static void stubError(int status, String type, String body) {
        server.stubFor(post(urlPathEqualTo("/async-invoke"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", type)
                        .withHeader("x-amzn-RequestId", "9b1e7c2d-0000-4000-8000-000000000001")
                        .withBody(body)));
    }

    @Test
    void submit_happyPath_sendsRay2InputWithTokenAndOurBucketPrefix() {
        server.stubFor(post(urlPathEqualTo("/async-invoke"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("start-response.json"))));

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(ARN);
        assertThat(token).hasSize(64);
        server.verify(postRequestedFor(urlPathEqualTo("/async-invoke"))
                .withRequestBody(equalToJson(fixture("start-request.json"))));
    }

    @Test
    void submit_sameKeyTwice_startsOnce() {
        server.stubFor(post(urlPathEqualTo("/async-invoke"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("start-response.json"))));
        stubGet("get-in-progress.json");

        provider.submit(spec, "job-1/1/0");
        ProviderJob again = provider.submit(spec, "job-1/1/0");

        assertThat(again.state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        server.verify(1, postRequestedFor(urlPathEqualTo("/async-invoke")));
    }

    @Test
    void pollAndDownload_completed_copiesOutputMp4FromTheInvocationFolder() throws Exception {
        stubGet("get-completed.json");
        bucket.putBytes("provider-output/bedrock/abcdef012345/output.mp4", MP4, "video/mp4");

        assertThat(provider.poll(ARN).state()).isEqualTo(ProviderJob.State.COMPLETED);
        provider.download(ARN, work.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(work.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(getRequestedFor(urlEqualTo(GET_PATH)));
    }

    @Test
    void download_outputMissing_throwsPaidRenderLost() {
        stubGet("get-completed.json");

        assertThatThrownBy(() -> provider.download(ARN, work.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class);
    }

    @Test
    void poll_failedByContentFilters_reportsFailedWithReason() {
        stubGet("get-failed.json");

        ProviderJob job = provider.poll(ARN);

        assertThat(job.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(job.failureReason()).contains("content filters");
    }

    @Test
    void submit_throttled_throwsRetryableWithoutAwsRequestId() {
        stubError(429, "ThrottlingException", fixture("error-throttling.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageNotContaining("9b1e7c2d");
    }

    @Test
    void submit_serviceUnavailable_throwsRetryable() {
        stubError(503, "ServiceUnavailableException", "{\"message\": \"Service unavailable\"}");

        assertThatThrownBy(() -> provider.submit(spec, "job-3/1/0")).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void submit_validation_throwsTerminalInvalidRequest() {
        stubError(400, "ValidationException", fixture("error-validation.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-4/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a valid enum value");
    }

    @Test
    void submit_blockedByFilters_throwsContentRejected() {
        stubError(
                400, "ValidationException", "{\"message\": \"This request has been blocked by our content filters.\"}");

        assertThatThrownBy(() -> provider.submit(spec, "job-5/1/0")).isInstanceOf(ContentRejectedException.class);
    }

    @Test
    void submit_garbledAnswer_throwsRetryable() {
        server.stubFor(post(urlPathEqualTo("/async-invoke"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"invocationArn\": ")));

        assertThatThrownBy(() -> provider.submit(spec, "job-6/1/0")).isInstanceOf(ProviderThrottledException.class);
    }
}
