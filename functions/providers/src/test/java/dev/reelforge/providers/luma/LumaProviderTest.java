package dev.reelforge.providers.luma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ReframeSpec;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.providers.Fixtures;
import dev.reelforge.providers.Specs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The luma adapter against WireMock on 127.0.0.1, with bodies shaped like Luma's Agents API reference
 * (docs.agents.lumalabs.ai, read 2026-12-02): create, get, failure codes and presigned outputs.
 */
class LumaProviderTest {
    private static final String ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    private static final String KEY = "luma-api-test-key-never-logged";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private LumaProvider provider;
    private final GenerationSpec spec = Specs.landscape("ray-3.2", 5);

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        provider = new LumaProvider(
                LumaSettings.of(URI.create(server.baseUrl() + "/v1"), KEY),
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                clock);
    }

    private static String fixture(String name) {
        return Fixtures.read("luma/" + name).replace("{{BASE}}", server.baseUrl());
    }

    private static void stubJson(MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    @Test
    void submit_textToVideo_postsVideoGenerationWithBearerKey() {
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(ID);
        assertThat(job.state()).isEqualTo(ProviderJob.State.QUEUED);
        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson(fixture("create-request.json"))));
    }

    @Test
    void submit_withReferenceImage_sendsItsUrlAsTheVideosStartFrame() throws Exception {
        Path image = Files.createTempFile("fitted", ".png");
        Files.write(image, dev.reelforge.core.testing.Stills.png(1280, 720, 0));
        String url = "https://reelforge-clips.s3.amazonaws.com/references/acme/fitted/x.png?X-Amz-Signature=abc";
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        provider.submit(Specs.withReference(spec, image.toString(), url), "job-ref/1/0");

        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withRequestBody(matchingJsonPath("$.video.start_frame.url", equalTo(url)))
                .withRequestBody(matchingJsonPath("$.video.duration", equalTo("5s")))
                .withRequestBody(notMatching(".*keyframes.*"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("ray-3.2"))));
        Files.delete(image);
    }

    @Test
    void submit_withReferenceImageButNoHttpsUrl_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider.submit(Specs.withReference(spec, "/tmp/x.png", ""), "job-ref/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: luma fetches keyframe images from an https URL");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/generations")));
    }

    @Test
    void submit_withLastFrame_sendsItsUrlAsTheVideosEndFrame() {
        String last = "https://reelforge-clips.s3.amazonaws.com/references/acme/last.png?X-Amz-Signature=abc";
        GenerationSpec withLast =
                Specs.withGuides(spec, "", List.of(new GuideFile(GuideImage.Role.LAST_FRAME, "last.png", last)));
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        provider.submit(withLast, "job-last/1/0");

        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withRequestBody(matchingJsonPath("$.video.end_frame.url", equalTo(last)))
                .withRequestBody(notMatching(".*start_frame.*"))
                .withRequestBody(notMatching(".*keyframes.*")));
    }

    @Test
    void submit_lastFrameWithoutHttpsUrl_orReferenceImages_refusedNamingTheFieldBeforeAnyRequest() {
        GenerationSpec localLast = Specs.withGuides(
                spec, "", List.of(new GuideFile(GuideImage.Role.LAST_FRAME, "last.png", "http://127.0.0.1/last.png")));
        GenerationSpec assets = Specs.withGuides(
                spec, "", List.of(new GuideFile(GuideImage.Role.ASSET, "mug.png", "https://bucket.example/mug.png")));

        assertThatThrownBy(() -> provider.submit(localLast, "job-last/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("lastFrame: luma fetches keyframe images from an https URL");
        assertThatThrownBy(() -> provider.submit(assets, "job-assets/1/0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImages")
                .hasMessageContaining("maps no referenceImages");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/generations")));
    }

    @Test
    void extend_completedGeneration_postsAVideoWhoseStartFrameIsThatGeneration() {
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        ProviderJob job = provider.extend(
                new ExtendSpec(ID, "the mug rolls to the wall", "ray-3.2", spec.settings(), 5, 5), "job-x/extend/1");

        assertThat(job.providerJobId()).isEqualTo(ID);
        assertThat(job.state()).isEqualTo(ProviderJob.State.QUEUED);
        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"model\": \"ray-3.2\", \"type\": \"video\","
                        + " \"prompt\": \"the mug rolls to the wall\", \"aspect_ratio\": \"16:9\", \"video\":"
                        + " {\"resolution\": \"720p\", \"duration\": \"5s\", \"start_frame\": {\"generation_id\": \""
                        + ID + "\"}}}")));
    }

    @Test
    void extend_moreThanOneBlockOrNotALumaId_refusedBeforeAnyRequest() {
        assertThatThrownBy(() ->
                        provider.extend(new ExtendSpec(ID, "on", "ray-3.2", spec.settings(), 5, 10), "job-x/extend/1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("extend.seconds")
                .hasMessageContaining("one 5 s block per call");
        assertThatThrownBy(() -> provider.extend(
                        new ExtendSpec("fal-ai/x/requests/1", "on", "ray-3.2", spec.settings(), 5, 5),
                        "job-x/extend/2"))
                .isInstanceOf(ProviderFailedException.class);
        server.verify(0, postRequestedFor(urlEqualTo("/v1/generations")));
    }

    @Test
    void reframe_completedGeneration_postsVideoReframeOfThatGeneration() {
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        ProviderJob job = provider.reframe(
                new ReframeSpec(
                        ID,
                        "more of the kitchen above",
                        "ray-3.2",
                        dev.reelforge.core.request.AspectRatio.LANDSCAPE_16_9,
                        dev.reelforge.core.request.AspectRatio.PORTRAIT_9_16,
                        dev.reelforge.core.request.Resolution.R720P),
                "job-x/reframe/1");

        assertThat(job.providerJobId()).isEqualTo(ID);
        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withRequestBody(equalToJson("{\"model\": \"ray-3.2\", \"type\": \"video_reframe\", \"prompt\":"
                        + " \"more of the kitchen above\", \"aspect_ratio\": \"9:16\", \"source\": {\"generation_id\": \""
                        + ID + "\"}, \"video\": {\"resolution\": \"720p\"}}")));
    }

    @Test
    void submit_sameKeyTwice_createsOnce() {
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-processing.json"));

        provider.submit(spec, "job-1/1/0");
        ProviderJob again = provider.submit(spec, "job-1/1/0");

        assertThat(again.state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/generations")));
    }

    @Test
    void submit_throttled_raisesThrottledWithRetryAfter() {
        server.stubFor(post(urlEqualTo("/v1/generations"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "12")
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("rate-limited.json"))));

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOfSatisfying(
                        ProviderThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(12))
                .hasMessageContaining("rate limiting us (HTTP 429)");
    }

    @Test
    void submit_remix_postsVideoEditOfTheEarlierGenerationWithTheFixAndStrength() {
        stubJson(post(urlEqualTo("/v1/generations")), 201, fixture("create-response.json"));

        provider.submit(Specs.remix(spec, ID, "keep the mug whole"), "job-3/2/0");

        server.verify(postRequestedFor(urlEqualTo("/v1/generations"))
                .withRequestBody(equalToJson(fixture("edit-request.json"))));
    }

    @Test
    void submit_remixOfNotAGenerationId_refusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider.submit(Specs.remix(spec, "video_123", "fix"), "job-3/2/0"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("not a luma generation id");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/generations")));
    }

    @Test
    void settings_unknownEditStrength_refusedNamingTheSetting() {
        assertThatThrownBy(() -> LumaSettings.of(URI.create("http://127.0.0.1:1/v1"), KEY)
                        .withEditStrength("strong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REELFORGE_LUMA_EDIT_STRENGTH")
                .hasMessageContaining("flex_1..3");
    }

    @Test
    void poll_states_mapToProviderStates() {
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("create-response.json"));
        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.QUEUED);
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-processing.json"));
        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-completed.json"));
        assertThat(provider.poll(ID).state()).isEqualTo(ProviderJob.State.COMPLETED);
    }

    @Test
    void poll_contentModerated_failsAsModerationRefusal() {
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-failed-moderated.json"));

        ProviderJob failed = provider.poll(ID);

        assertThat(failed.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(failed.failureReason())
                .contains("moderation refused this clip")
                .contains("content_moderated: Advanced prompt moderation failed")
                .doesNotContain("may succeed");
    }

    @Test
    void poll_generationFailed_failsAsRetryableProviderFault() {
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-failed.json"));

        ProviderJob failed = provider.poll(ID);

        assertThat(failed.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(failed.failureReason())
                .contains("generation_failed")
                .contains("a new attempt may succeed")
                .doesNotContain("moderation");
    }

    @Test
    void poll_notAGenerationId_refusedWithoutARequest() {
        assertThatThrownBy(() -> provider.poll("../admin")).isInstanceOf(ProviderFailedException.class);
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/generations/../admin")));
    }

    @Test
    void download_presignedUrl_fetchedWithoutTheKey() throws Exception {
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-completed.json"));
        server.stubFor(get(urlPathEqualTo("/presigned/mug-drop.mp4"))
                .willReturn(aResponse().withBody(MP4)));

        provider.download(ID, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(getRequestedFor(urlPathEqualTo("/presigned/mug-drop.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void download_expiredUrl_asksForAFreshOneOnce() throws Exception {
        server.stubFor(get(urlEqualTo("/v1/generations/" + ID))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("generation-completed.json")))
                .willSetStateTo("refreshed"));
        server.stubFor(get(urlEqualTo("/v1/generations/" + ID))
                .inScenario("expiry")
                .whenScenarioStateIs("refreshed")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("generation-completed-fresh.json"))));
        server.stubFor(get(urlPathEqualTo("/presigned/mug-drop.mp4"))
                .willReturn(aResponse().withStatus(403).withBody("Request has expired")));
        server.stubFor(get(urlPathEqualTo("/presigned/mug-drop-fresh.mp4"))
                .willReturn(aResponse().withBody(MP4)));

        provider.download(ID, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(2, getRequestedFor(urlEqualTo("/v1/generations/" + ID)));
    }

    @Test
    void download_urlGoneTwice_reportsThePaidRenderLost() {
        stubJson(get(urlEqualTo("/v1/generations/" + ID)), 200, fixture("generation-completed.json"));
        server.stubFor(get(urlPathEqualTo("/presigned/mug-drop.mp4"))
                .willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> provider.download(ID, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class)
                .hasMessageContaining("paid for");
    }

    @Test
    void errors_neverCarryTheKey() {
        stubJson(post(urlEqualTo("/v1/generations")), 400, "{\"detail\": \"invalid key " + KEY + "\"}");

        assertThatThrownBy(() -> provider.submit(spec, "job-9/1/0"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }
}
