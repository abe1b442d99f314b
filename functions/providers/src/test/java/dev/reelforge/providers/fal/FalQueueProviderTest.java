package dev.reelforge.providers.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fal-queue adapter against WireMock, with fixtures shaped like fal's queue documentation. */
class FalQueueProviderTest {
    private static final String MODEL = "fal-ai/luma-dream-machine/ray-2";
    private static final String REQUEST = "fal-ai/luma-dream-machine/requests/80e732af-660e-45cd-bd63-580e4f2a94cc";
    private static final String KEY = "fal-test-key:never-logged";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private FalQueueProvider provider;
    private FalQueueProvider impatient;
    private final GenerationSpec spec = Specs.landscape(MODEL, 5);

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        FalQueueSettings settings =
                FalQueueSettings.of(URI.create(server.baseUrl()), KEY).withRequestTimeout(Duration.ofSeconds(20));
        provider = new FalQueueProvider(settings, new ObjectMapper(), new InMemoryProviderJobLedger(), clock);
        impatient = new FalQueueProvider(
                settings.withRequestTimeout(Duration.ofMillis(1000)),
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                clock);
    }

    private static String fixture(String name) {
        return Fixtures.read("fal/" + name).replace("{{BASE}}", server.baseUrl());
    }

    private static void stubJson(
            com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    @Test
    void submit_withReferenceImage_postsToImageToVideoWithImageUrlAsDataUri() throws Exception {
        byte[] png = dev.reelforge.core.testing.Stills.png(1280, 720, 0);
        Path image = Files.write(dir.resolve("fitted.png"), png);
        stubJson(post(urlEqualTo("/" + MODEL + "/image-to-video")), 200, fixture("submit-response.json"));

        ProviderJob job = provider.submit(Specs.withReference(spec, image.toString()), "job-ref/1/0");

        assertThat(job.providerJobId()).isEqualTo(REQUEST);
        server.verify(postRequestedFor(urlEqualTo("/" + MODEL + "/image-to-video"))
                .withRequestBody(equalToJson("{\"prompt\": \"${json-unit.any-string}\", \"aspect_ratio\": \"16:9\","
                        + " \"duration\": \"5s\", \"resolution\": \"720p\", \"image_url\": \"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(png) + "\"}")));
        server.verify(0, postRequestedFor(urlEqualTo("/" + MODEL)));
    }

    @Test
    void submit_happyPath_postsRay2InputWithKeyAuthAndKeepsRequestPath() {
        stubJson(post(urlEqualTo("/" + MODEL)), 200, fixture("submit-response.json"));

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(REQUEST);
        assertThat(job.state()).isEqualTo(ProviderJob.State.QUEUED);
        server.verify(postRequestedFor(urlEqualTo("/" + MODEL))
                .withHeader("Authorization", equalTo("Key " + KEY))
                .withRequestBody(equalToJson(fixture("submit-request.json"))));
    }

    @Test
    void submit_withWebhookUrl_asksFalToCallBackThroughFalWebhook() {
        stubJson(post(urlPathEqualTo("/" + MODEL)), 200, fixture("submit-response.json"));
        GenerationSpec withHook = new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                spec.defects(),
                "",
                "",
                "",
                "",
                "https://hooks.example/webhooks/fal-queue");

        ProviderJob job = provider.submit(withHook, "job-hook/1/0");

        assertThat(job.providerJobId()).isEqualTo(REQUEST);
        server.verify(postRequestedFor(
                        urlEqualTo("/" + MODEL + "?fal_webhook=https%3A%2F%2Fhooks.example%2Fwebhooks%2Ffal-queue"))
                .withRequestBody(equalToJson(fixture("submit-request.json"))));
    }

    @Test
    void submit_sameKeyTwice_submitsOnce() {
        stubJson(post(urlEqualTo("/" + MODEL)), 200, fixture("submit-response.json"));
        stubJson(get(urlEqualTo("/" + REQUEST + "/status")), 200, fixture("status-in-progress.json"));

        provider.submit(spec, "job-1/1/0");
        ProviderJob again = provider.submit(spec, "job-1/1/0");

        assertThat(again.state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        server.verify(1, postRequestedFor(urlEqualTo("/" + MODEL)));
    }

    @Test
    void submit_replyLostThenRetried_submitsAgainAndReportsAPossibleDuplicateCharge() {
        server.stubFor(post(urlEqualTo("/" + MODEL))
                .inScenario("lost")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(504).withBody("upstream timed out"))
                .willSetStateTo("answered"));
        server.stubFor(post(urlEqualTo("/" + MODEL))
                .inScenario("lost")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("submit-response.json"))));

        assertThatThrownBy(() -> provider.submit(spec, "job-7/1/0"))
                .isExactlyInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("unavailable (HTTP 504)")
                .hasMessageContaining("may have started a job");
        ProviderJob job = provider.submit(spec, "job-7/1/0");

        assertThat(job.providerJobId()).isEqualTo(REQUEST);
        assertThat(job.possibleDuplicateCharges()).singleElement().satisfies(charge -> {
            assertThat(charge.providerJobIds()).containsExactly(REQUEST);
            assertThat(charge.reason()).contains("fal-queue offers no way to find its job");
        });
        server.verify(2, postRequestedFor(urlEqualTo("/" + MODEL)));
    }

    @Test
    void poll_queueStates_mapToProviderStates() {
        stubJson(get(urlEqualTo("/" + REQUEST + "/status")), 200, fixture("status-in-queue.json"));
        assertThat(provider.poll(REQUEST).state()).isEqualTo(ProviderJob.State.QUEUED);
        stubJson(get(urlEqualTo("/" + REQUEST + "/status")), 200, fixture("status-completed.json"));
        assertThat(provider.poll(REQUEST).state()).isEqualTo(ProviderJob.State.COMPLETED);
        stubJson(get(urlEqualTo("/" + REQUEST + "/status")), 200, fixture("status-completed-error.json"));

        ProviderJob failed = provider.poll(REQUEST);

        assertThat(failed.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(failed.failureReason()).contains("moderation");
    }

    @Test
    void download_fetchesResultThenFileWithoutSendingTheKey() throws Exception {
        stubJson(get(urlEqualTo("/" + REQUEST)), 200, fixture("result.json"));
        server.stubFor(get(urlEqualTo("/files/output/mug-drop.mp4"))
                .willReturn(aResponse().withBody(MP4)));

        provider.download(REQUEST, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(getRequestedFor(urlEqualTo("/files/output/mug-drop.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void download_fileUrlExpired_asksForAFreshResultOnce() throws Exception {
        server.stubFor(get(urlEqualTo("/" + REQUEST))
                .inScenario("expiry")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withBody(fixture("result.json")))
                .willSetStateTo("fresh"));
        server.stubFor(get(urlEqualTo("/" + REQUEST))
                .inScenario("expiry")
                .whenScenarioStateIs("fresh")
                .willReturn(aResponse().withBody(fixture("result-fresh.json"))));
        server.stubFor(get(urlEqualTo("/files/output/mug-drop.mp4"))
                .willReturn(aResponse().withStatus(403)));
        server.stubFor(get(urlEqualTo("/files/output/mug-drop-fresh.mp4"))
                .willReturn(aResponse().withBody(MP4)));

        provider.download(REQUEST, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
    }

    @Test
    void download_fileGoneForGood_throwsPaidRenderLost() {
        stubJson(get(urlEqualTo("/" + REQUEST)), 200, fixture("result.json"));
        server.stubFor(get(urlEqualTo("/files/output/mug-drop.mp4"))
                .willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> provider.download(REQUEST, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class);
    }

    @Test
    void submit_throttled_throwsRetryableWithRetryAfter() {
        server.stubFor(post(urlEqualTo("/" + MODEL))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOfSatisfying(
                        ProviderThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(12));
    }

    @Test
    void submit_garbledOrTimedOut_throwsRetryable() {
        stubJson(post(urlEqualTo("/" + MODEL)), 200, "<html>502 Bad Gateway</html>");
        assertThatThrownBy(() -> provider.submit(spec, "job-3/1/0")).isInstanceOf(ProviderThrottledException.class);
        server.stubFor(post(urlEqualTo("/" + MODEL))
                .willReturn(aResponse().withFixedDelay(3000).withBody(fixture("submit-response.json"))));
        assertThatThrownBy(() -> impatient.submit(spec, "job-3/1/0")).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void submit_validationError_throwsTerminalWithTheProvidersHint() {
        stubJson(post(urlEqualTo("/" + MODEL)), 422, fixture("error-validation.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-4/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("permitted: '5s', '9s'");
    }

    @Test
    void cancel_putsToCancelUrlAndReturnsQueueAnswer() {
        stubJson(put(urlEqualTo("/" + REQUEST + "/cancel")), 202, "{\"status\": \"CANCELLATION_REQUESTED\"}");

        assertThat(provider.cancel(REQUEST)).isEqualTo("CANCELLATION_REQUESTED");
        server.verify(putRequestedFor(urlEqualTo("/" + REQUEST + "/cancel"))
                .withHeader("Authorization", equalTo("Key " + KEY)));
    }

    @Test
    void submit_errorTextQuotingOurKey_neverRepeatsTheKey() {
        stubJson(
                post(urlEqualTo("/" + MODEL)),
                422,
                "{\"detail\": [{\"msg\": \"Authorization 'Key " + KEY + "' may not call this app\"}]}");

        assertThatThrownBy(() -> provider.submit(spec, "job-echo/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Key [our key]")
                .hasMessageNotContaining(KEY);
    }
}
