package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.providers.Fixtures;
import dev.reelforge.providers.Specs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The openai-videos adapter against WireMock, with request and response fixtures shaped like the Videos API docs. */
class OpenAiVideosProviderTest {
    private static final String VIDEO_ID = "video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5";
    private static final String KEY = "sk-test-never-logged";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private OpenAiVideosProvider provider;
    private OpenAiVideosProvider impatient;
    private final GenerationSpec spec = Specs.landscape("sora-2", 8);

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        OpenAiVideosSettings settings = OpenAiVideosSettings.of(URI.create(server.baseUrl() + "/v1"), KEY)
                .withRequestTimeout(Duration.ofSeconds(20));
        provider = new OpenAiVideosProvider(settings, new ObjectMapper(), new InMemoryProviderJobLedger(), clock);
        impatient = new OpenAiVideosProvider(
                settings.withRequestTimeout(Duration.ofMillis(1000)),
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                clock);
    }

    private static void stubCreate(int status, String body) {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", "req_create_1")
                        .withBody(body)));
    }

    private static void stubRetrieve(String fixture) {
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("openai-poll-after-ms", "2500")
                        .withBody(Fixtures.read("openai/" + fixture))));
    }

    @Test
    void submit_happyPath_sendsDocumentedJsonAndHonoursPollAfterHeader() {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("openai-poll-after-ms", "2500")
                        .withBody(Fixtures.read("openai/video-queued.json"))));

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(VIDEO_ID);
        assertThat(job.state()).isEqualTo(ProviderJob.State.QUEUED);
        assertThat(job.pollAfterSeconds()).isEqualTo(3);
        server.verify(postRequestedFor(urlEqualTo("/v1/videos"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson(Fixtures.read("openai/create-request.json"))));
    }

    @Test
    void pollAndDownload_completedVideo_reportsProgressAndCopiesContent() throws Exception {
        stubRetrieve("video-in-progress.json");
        assertThat(provider.poll(VIDEO_ID))
                .extracting(ProviderJob::state, ProviderJob::progressPercent)
                .containsExactly(ProviderJob.State.IN_PROGRESS, 42);
        stubRetrieve("video-completed.json");
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID + "/content?variant=video"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(MP4)));

        assertThat(provider.poll(VIDEO_ID).state()).isEqualTo(ProviderJob.State.COMPLETED);
        provider.download(VIDEO_ID, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
    }

    @Test
    void downloadThumbnail_asksForThumbnailVariant() throws Exception {
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID + "/content?variant=thumbnail"))
                .willReturn(aResponse().withHeader("Content-Type", "image/webp").withBody(new byte[] {1, 2, 3})));

        provider.downloadThumbnail(VIDEO_ID, dir.resolve("thumb.webp"));

        assertThat(Files.size(dir.resolve("thumb.webp"))).isEqualTo(3);
    }

    @Test
    void submit_sameKeyTwice_createsOnceAndResumesTheJob() {
        stubCreate(200, Fixtures.read("openai/video-queued.json"));
        stubRetrieve("video-in-progress.json");

        ProviderJob first = provider.submit(spec, "job-1/1/0");
        ProviderJob again = provider.submit(spec, "job-1/1/0");

        assertThat(again.providerJobId()).isEqualTo(first.providerJobId());
        assertThat(again.progressPercent()).isEqualTo(42);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void submit_throttledWithRetryAfter_throwsRetryableWithHintThenRetryCreatesOnce() {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody(Fixtures.read("openai/error-rate-limit.json")))
                .willSetStateTo("open"));
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .inScenario("429")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withBody(Fixtures.read("openai/video-queued.json"))));
        stubRetrieve("video-in-progress.json");

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOfSatisfying(
                        ProviderThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(7))
                .hasMessageContaining("retry in 7 s");
        assertThat(provider.submit(spec, "job-2/1/0").providerJobId()).isEqualTo(VIDEO_ID);
        assertThat(provider.submit(spec, "job-2/1/0").providerJobId()).isEqualTo(VIDEO_ID);

        server.verify(2, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void submit_serverError_throwsRetryable() {
        stubCreate(500, Fixtures.read("openai/error-server.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-3/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void submit_noAnswerWithinTimeout_throwsRetryable() {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .willReturn(aResponse().withFixedDelay(3000).withBody(Fixtures.read("openai/video-queued.json"))));

        assertThatThrownBy(() -> impatient.submit(spec, "job-4/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("did not answer create");
    }

    @Test
    void submit_garbledBody_throwsRetryable() {
        stubCreate(200, "{\"id\": \"video_68d7512d\", \"status\": ");

        assertThatThrownBy(() -> provider.submit(spec, "job-5/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("unreadable body");
    }

    @Test
    void submit_moderationRefusal_throwsContentRejectedWithoutRequestIds() {
        stubCreate(400, Fixtures.read("openai/error-moderation.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-6/1/0"))
                .isInstanceOf(ContentRejectedException.class)
                .hasMessageContaining("moderation")
                .hasMessageNotContaining("req_9f3c2a1b7d6e5f40")
                .hasMessageNotContaining("req_create_1")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void submit_invalidSize_throwsTerminalInvalidRequest() {
        stubCreate(400, Fixtures.read("openai/error-invalid-size.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-7/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Supported values");
    }

    @Test
    void poll_failedByModeration_reportsFailedWithCleanReason() {
        stubRetrieve("video-failed-moderation.json");

        ProviderJob job = provider.poll(VIDEO_ID);

        assertThat(job.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(job.failureReason()).contains("moderation").doesNotContain("req_9f3c2a1b7d6e5f40");
    }

    @Test
    void download_urlExpiredOnce_refetchesJobAndRetries() throws Exception {
        stubRetrieve("video-completed.json");
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID + "/content?variant=video"))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404))
                .willSetStateTo("fresh"));
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID + "/content?variant=video"))
                .inScenario("expiry")
                .whenScenarioStateIs("fresh")
                .willReturn(aResponse().withBody(MP4)));

        provider.download(VIDEO_ID, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(1, getRequestedFor(urlEqualTo("/v1/videos/" + VIDEO_ID)));
    }

    @Test
    void download_urlExpiredForGood_throwsPaidRenderLost() {
        stubRetrieve("video-completed.json");
        server.stubFor(get(urlEqualTo("/v1/videos/" + VIDEO_ID + "/content?variant=video"))
                .willReturn(aResponse().withStatus(410)));

        assertThatThrownBy(() -> provider.download(VIDEO_ID, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class)
                .hasMessageContaining("paid for");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void submit_remix_postsInstructionToRemixEndpoint() {
        server.stubFor(post(urlEqualTo("/v1/videos/" + VIDEO_ID + "/remix"))
                .willReturn(aResponse().withBody(Fixtures.read("openai/remix-queued.json"))));

        ProviderJob job =
                provider.submit(Specs.remix(spec, VIDEO_ID, "Keep the mug white; slow the fall"), "job-8/2/0");

        assertThat(job.providerJobId()).startsWith("video_7a1e");
        server.verify(postRequestedFor(urlEqualTo("/v1/videos/" + VIDEO_ID + "/remix"))
                .withRequestBody(equalToJson("{\"prompt\": \"Keep the mug white; slow the fall\"}")));
    }

    @Test
    void submit_withReferenceImage_sendsMultipartWithInputReference() throws Exception {
        byte[] png = dev.reelforge.core.testing.Stills.png(1280, 720, 0);
        Path image = Files.write(dir.resolve("first-frame.png"), png);
        stubCreate(200, Fixtures.read("openai/video-queued.json"));

        provider.submit(Specs.withReference(spec, image.toString()), "job-9/1/0");

        server.verify(postRequestedFor(urlPathEqualTo("/v1/videos"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart()
                        .withName("input_reference")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(png))
                        .build())
                .withRequestBodyPart(
                        aMultipart().withName("seconds").withBody(equalTo("8")).build())
                .withRequestBodyPart(aMultipart()
                        .withName("size")
                        .withBody(equalTo("1280x720"))
                        .build()));
    }

    @Test
    void submit_errorTextQuotingOurKey_neverRepeatsTheKey() {
        stubCreate(
                400,
                "{\"error\": {\"message\": \"Invalid header Authorization: Bearer " + KEY
                        + "\", \"code\": \"invalid_request\"}}");
        assertThatThrownBy(() -> provider.submit(spec, "job-echo/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Bearer [our key]")
                .hasMessageNotContaining(KEY);

        stubCreate(403, "{\"error\": {\"message\": \"The API key " + KEY + " is blocked\", \"code\": \"forbidden\"}}");
        assertThatThrownBy(() -> provider.submit(spec, "job-echo/2/0")).hasMessageNotContaining(KEY);
    }

    @Test
    void settings_keyFromASecretWithATrailingNewline_isSentStripped() {
        stubCreate(200, Fixtures.read("openai/video-queued.json"));
        OpenAiVideosProvider fromSecret = new OpenAiVideosProvider(
                OpenAiVideosSettings.of(URI.create(server.baseUrl() + "/v1"), KEY + "\n"),
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                Clock.systemUTC());

        fromSecret.submit(spec, "job-newline/1/0");

        server.verify(postRequestedFor(urlEqualTo("/v1/videos")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void settings_keyWithAControlCharacter_isRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> OpenAiVideosSettings.of(URI.create("http://127.0.0.1:9/v1"), "sk-abc\u0000def-Zq81x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 7 of 16")
                .hasMessageNotContaining("def-Zq81x")
                .hasMessageNotContaining("sk-abc");
    }
}
