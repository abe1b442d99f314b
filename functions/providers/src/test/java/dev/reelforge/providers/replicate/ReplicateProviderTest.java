package dev.reelforge.providers.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
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
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The replicate adapter against WireMock, with fixtures shaped like Replicate's predictions API documentation. */
class ReplicateProviderTest {
    private static final String MODEL = "luma/ray-3.2";
    private static final String CREATE = "/v1/models/" + MODEL + "/predictions";
    private static final String ID = "gm3qorzdhgbfurvjtvhg6dckhu";
    private static final String GET = "/v1/predictions/" + ID;
    private static final String TOKEN = "r8_test-token-never-logged";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private ReplicateProvider provider;
    private final GenerationSpec spec = Specs.landscape(MODEL, 5);

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        provider = new ReplicateProvider(
                ReplicateSettings.of(URI.create(server.baseUrl()), TOKEN),
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                clock);
    }

    private static String fixture(String name) {
        return Fixtures.read("replicate/" + name).replace("{{BASE}}", server.baseUrl());
    }

    private static void stubJson(MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    @Test
    void submit_happyPath_createsAnOfficialModelPredictionWithBearerAuthAndKeepsItsId() {
        stubJson(post(urlEqualTo(CREATE)), 201, fixture("create-response.json"));

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(ID);
        assertThat(job.state()).isEqualTo(ProviderJob.State.QUEUED);
        server.verify(postRequestedFor(urlEqualTo(CREATE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(fixture("create-request.json"))));
    }

    @Test
    void submit_withWebhookUrl_asksForTheCompletedEventOnly() {
        stubJson(post(urlEqualTo(CREATE)), 201, fixture("create-response.json"));
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
                "https://hooks.example/webhooks/replicate");

        provider.submit(withHook, "job-hook/1/0");

        server.verify(postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(equalToJson(fixture("create-request-webhook.json"))));
    }

    @Test
    void submit_sameKeyTwice_createsOnePrediction() {
        stubJson(post(urlEqualTo(CREATE)), 201, fixture("create-response.json"));
        stubJson(get(urlEqualTo(GET)), 200, fixture("prediction-processing.json"));

        provider.submit(spec, "job-1/1/0");
        ProviderJob again = provider.submit(spec, "job-1/1/0");

        assertThat(again.state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        server.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void submit_throttled_isRetryableWithReplicatesRetryAfter() {
        server.stubFor(post(urlEqualTo(CREATE))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("throttled.json"))));

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("rate limiting")
                .hasMessageContaining("7 s");
    }

    @Test
    void submit_inputRefused_isAnInvalidRequestQuotingReplicate() {
        stubJson(post(urlEqualTo(CREATE)), 422, fixture("invalid.json"));

        assertThatThrownBy(() -> provider.submit(spec, "job-3/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("duration must be one of");
    }

    @Test
    void submit_withFirstFrame_isRefusedBeforeAnyCall() throws Exception {
        Path image = Files.write(dir.resolve("still.png"), dev.reelforge.core.testing.Stills.png(1280, 720, 0));

        assertThatThrownBy(() -> provider.submit(Specs.withReference(spec, image.toString()), "job-4/1/0"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("text-to-video only");
        server.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void poll_startingProcessingSucceeded_mapToQueuedRunningCompleted() {
        server.stubFor(get(urlEqualTo(GET))
                .inScenario("life")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(fixture("create-response.json")))
                .willSetStateTo("processing"));
        server.stubFor(get(urlEqualTo(GET))
                .inScenario("life")
                .whenScenarioStateIs("processing")
                .willReturn(aResponse().withStatus(200).withBody(fixture("prediction-processing.json")))
                .willSetStateTo("done"));
        server.stubFor(get(urlEqualTo(GET))
                .inScenario("life")
                .whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(200).withBody(fixture("prediction-succeeded.json"))));

        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.QUEUED);
        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.COMPLETED);
        server.verify(getRequestedFor(urlEqualTo(GET)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void poll_flaggedAsSensitive_failsAsAModerationRefusal() {
        stubJson(get(urlEqualTo(GET)), 200, fixture("prediction-failed-sensitive.json"));

        ProviderJob job = provider.poll(ID);

        assertThat(job.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(job.failureReason()).startsWith("the provider's moderation refused this clip: ");
    }

    @Test
    void poll_generationFailed_failsAsAProviderFailure() {
        stubJson(get(urlEqualTo(GET)), 200, fixture("prediction-failed.json"));

        ProviderJob job = provider.poll(ID);

        assertThat(job.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(job.failureReason()).startsWith("the provider failed: ");
    }

    @Test
    void poll_idThatIsNotAPredictionId_isRefusedWithoutACall() {
        assertThatThrownBy(() -> provider.poll("../v1/account"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("not a replicate prediction id");
        server.verify(0, getRequestedFor(urlEqualTo("/v1/account")));
    }

    @Test
    void download_copiesTheOutputWithoutSendingTheTokenToTheFileHost() throws Exception {
        stubJson(get(urlEqualTo(GET)), 200, fixture("prediction-succeeded.json"));
        server.stubFor(get(urlEqualTo("/files/first/output.mp4"))
                .willReturn(aResponse().withStatus(200).withBody(MP4)));
        Path target = dir.resolve("clip.mp4");

        provider.download(ID, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(MP4);
        server.verify(getRequestedFor(urlEqualTo("/files/first/output.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void download_expiredUrl_readsThePredictionAgainOnce() throws Exception {
        server.stubFor(get(urlEqualTo(GET))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(fixture("prediction-succeeded.json")))
                .willSetStateTo("fresh"));
        server.stubFor(get(urlEqualTo(GET))
                .inScenario("expiry")
                .whenScenarioStateIs("fresh")
                .willReturn(aResponse().withStatus(200).withBody(fixture("prediction-succeeded-fresh.json"))));
        server.stubFor(get(urlEqualTo("/files/first/output.mp4"))
                .willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/files/fresh/output.mp4"))
                .willReturn(aResponse().withStatus(200).withBody(MP4)));
        Path target = dir.resolve("clip.mp4");

        provider.download(ID, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(MP4);
        server.verify(2, getRequestedFor(urlEqualTo(GET)));
    }

    @Test
    void download_goneEvenWhenFresh_isAPaidRenderLost() {
        stubJson(get(urlEqualTo(GET)), 200, fixture("prediction-succeeded.json"));
        server.stubFor(get(urlEqualTo("/files/first/output.mp4"))
                .willReturn(aResponse().withStatus(410)));

        assertThatThrownBy(() -> provider.download(ID, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class)
                .hasMessageContaining("gone");
    }
}
