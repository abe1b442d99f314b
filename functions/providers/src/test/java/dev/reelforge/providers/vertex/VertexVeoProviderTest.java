package dev.reelforge.providers.vertex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.providers.Fixtures;
import dev.reelforge.providers.Specs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertex-veo adapter against WireMock on 127.0.0.1, with bodies shaped like Google's Veo reference
 * (predictLongRunning, fetchPredictOperation) and the Cloud Storage JSON API's {@code alt=media} download.
 */
class VertexVeoProviderTest {
    private static final String MODEL_PATH =
            "/v1/projects/reelforge-test/locations/us-central1/publishers/google/models/veo-3.1-generate-001";
    private static final String OPERATION =
            MODEL_PATH.substring(4) + "/operations/4f1d9c2a-7b3e-4c55-9d10-2e8a6b0c1f77";
    private static final String TOKEN = "ya29.test-token-never-logged";
    private static final byte[] MP4 = "fake-mp4-payload".getBytes();
    private static final String PARAMETERS = "{\"sampleCount\": 1, \"durationSeconds\": 8, \"aspectRatio\": \"16:9\","
            + " \"resolution\": \"720p\", \"generateAudio\": true, \"seed\": 7}";
    private static final String OBJECT = "/storage/v1/b/reelforge-veo/o/out%2F4f1d%2Fsample_0.mp4";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private VertexVeoProvider provider;
    private final GenerationSpec spec = Specs.landscape("veo-3.1-generate-001", 8);

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        URI base = URI.create(server.baseUrl());
        provider = new VertexVeoProvider(
                VertexVeoSettings.of("reelforge-test", "us-central1", "").withEndpoints(base, base),
                () -> TOKEN,
                new ObjectMapper(),
                new InMemoryProviderJobLedger(),
                clock);
    }

    private static void stubJson(MappingBuilder request, int status, String fixture) {
        server.stubFor(request.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("vertex/" + fixture))));
    }

    private static MappingBuilder fetch() {
        return post(urlEqualTo(MODEL_PATH + ":fetchPredictOperation"))
                .withRequestBody(equalToJson("{\"operationName\": \"" + OPERATION + "\"}"));
    }

    @Test
    void submit_textToVideo_postsPredictLongRunningWithAudioAndBearerToken() {
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 200, "predict-response.json");

        ProviderJob job = provider.submit(spec, "job-1/1/0");

        assertThat(job.providerJobId()).isEqualTo(OPERATION);
        server.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(Fixtures.read("vertex/predict-request.json"))));
    }

    @Test
    void submit_withReferenceImage_sendsItAsTheInstancesImage() throws Exception {
        byte[] jpeg = dev.reelforge.core.testing.Stills.jpeg(1280, 720, 0);
        Path image = Files.write(dir.resolve("fitted.jpg"), jpeg);
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 200, "predict-response.json");

        provider.submit(Specs.withReference(spec, image.toString()), "job-ref/1/0");

        server.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(matchingJsonPath("$.instances[0].image.mimeType", equalTo("image/jpeg")))
                .withRequestBody(matchingJsonPath(
                        "$.instances[0].image.bytesBase64Encoded",
                        equalTo(Base64.getEncoder().encodeToString(jpeg))))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt")));
    }

    /**
     * A first and a last frame as Google's VideoGenerationModelInstance documents them (docs.cloud.google.com/
     * vertex-ai/generative-ai/docs/reference/rest/Shared.Types/VideoGenerationModelInstance, read 2026-12-02):
     * {@code image} is the first frame, {@code lastFrame} "can only be used if image is also provided", both an
     * {@code Image} of {@code mimeType} and {@code bytesBase64Encoded}.
     */
    @Test
    void submit_firstAndLastFrame_sendsImageAndLastFrameInline() throws Exception {
        byte[] first = dev.reelforge.core.testing.Stills.jpeg(1280, 720, 0);
        byte[] last = dev.reelforge.core.testing.Stills.png(1280, 720, 3);
        Path firstFile = Files.write(dir.resolve("first.jpg"), first);
        Path lastFile = Files.write(dir.resolve("last.png"), last);
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 200, "predict-response.json");

        provider.submit(
                Specs.withGuides(
                        spec,
                        firstFile.toString(),
                        List.of(new GuideFile(GuideImage.Role.LAST_FRAME, lastFile.toString(), ""))),
                "job-frames/1/0");

        server.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(equalToJson(String.format(
                        "{\"instances\": [{\"prompt\": \"A white mug slides off an oak table and shatters\","
                                + " \"image\": {\"bytesBase64Encoded\": \"%s\", \"mimeType\": \"image/jpeg\"},"
                                + " \"lastFrame\": {\"bytesBase64Encoded\": \"%s\", \"mimeType\": \"image/png\"}}],"
                                + " \"parameters\": %s}",
                        Base64.getEncoder().encodeToString(first),
                        Base64.getEncoder().encodeToString(last),
                        PARAMETERS))));
    }

    /**
     * Asset reference images as Google documents them: {@code referenceImages[]} of {@code {image, referenceType}},
     * "up to 3 asset images or 1 style image", with no {@code image}, {@code video} or {@code lastFrame} beside
     * them (VideoGenerationModelInstance, read 2026-12-02; docs.cloud.google.com/vertex-ai/generative-ai/docs/video/
     * use-reference-images-to-guide-video-generation: asset images keep a subject's appearance).
     */
    @Test
    void submit_assetReferences_sendsReferenceImagesWithTheirType() throws Exception {
        byte[] mug = dev.reelforge.core.testing.Stills.png(800, 800, 1);
        byte[] table = dev.reelforge.core.testing.Stills.jpeg(1024, 768, 2);
        Path mugFile = Files.write(dir.resolve("mug.png"), mug);
        Path tableFile = Files.write(dir.resolve("table.jpg"), table);
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 200, "predict-response.json");

        provider.submit(
                Specs.withGuides(
                        spec,
                        "",
                        List.of(
                                new GuideFile(GuideImage.Role.ASSET, mugFile.toString(), ""),
                                new GuideFile(GuideImage.Role.ASSET, tableFile.toString(), ""))),
                "job-assets/1/0");

        server.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(equalToJson(String.format(
                        "{\"instances\": [{\"prompt\": \"A white mug slides off an oak table and shatters\","
                                + " \"referenceImages\": ["
                                + "{\"image\": {\"bytesBase64Encoded\": \"%s\", \"mimeType\": \"image/png\"},"
                                + " \"referenceType\": \"asset\"},"
                                + " {\"image\": {\"bytesBase64Encoded\": \"%s\", \"mimeType\": \"image/jpeg\"},"
                                + " \"referenceType\": \"asset\"}]}],"
                                + " \"parameters\": %s}",
                        Base64.getEncoder().encodeToString(mug),
                        Base64.getEncoder().encodeToString(table),
                        PARAMETERS))));
    }

    @Test
    void submit_quotaExceeded_raisesThrottled() {
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 429, "quota-exceeded.json");

        assertThatThrownBy(() -> provider.submit(spec, "job-2/1/0"))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("HTTP 429");
    }

    @Test
    void submit_remix_refusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider.submit(Specs.remix(spec, OPERATION, "keep the mug whole"), "job-3/1/0"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("remix is not mapped");
        server.verify(0, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning")));
    }

    @Test
    void extend_veoOutputInCloudStorage_postsItsGcsUriAsTheInstancesVideo() {
        stubJson(fetch(), 200, "operation-done-gcs.json");
        stubJson(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")), 200, "predict-response.json");

        ProviderJob job = provider.extend(
                new ExtendSpec(OPERATION, "the mug rolls to the wall", spec.model(), spec.settings(), 8, 7),
                "job-x/extend/1");

        assertThat(job.providerJobId()).isEqualTo(OPERATION);
        server.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath(
                        "$.instances[0].video.gcsUri", equalTo("gs://reelforge-veo/out/4f1d/sample_0.mp4")))
                .withRequestBody(matchingJsonPath("$.instances[0].video.mimeType", equalTo("video/mp4")))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("the mug rolls to the wall")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("7"))));
    }

    @Test
    void extend_sourceNotFinished_refusedBeforeAnyCreate() {
        stubJson(fetch(), 200, "operation-running.json");

        assertThatThrownBy(() -> provider.extend(
                        new ExtendSpec(OPERATION, "on", spec.model(), spec.settings(), 8, 7), "job-x/extend/2"))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("no finished video to extend");
        server.verify(0, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning")));
    }

    @Test
    void poll_operationStates_mapToProviderStates() {
        stubJson(fetch(), 200, "operation-running.json");
        assertThat(provider.poll(OPERATION).state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        stubJson(fetch(), 200, "operation-done-inline.json");
        assertThat(provider.poll(OPERATION).state()).isEqualTo(ProviderJob.State.COMPLETED);
        stubJson(fetch(), 200, "operation-done-error.json");
        assertThat(provider.poll(OPERATION).failureReason()).contains("code 13").contains("Internal error");
    }

    @Test
    void poll_raiFiltered_failsAsModerationRefusal() {
        stubJson(fetch(), 200, "operation-done-filtered.json");

        ProviderJob job = provider.poll(OPERATION);

        assertThat(job.state()).isEqualTo(ProviderJob.State.FAILED);
        assertThat(job.failureReason()).contains("moderation refused this clip").contains("usage guidelines");
    }

    @Test
    void poll_notAnOperationName_refusedWithoutARequest() {
        assertThatThrownBy(() -> provider.poll("projects/../operations/x")).isInstanceOf(ProviderFailedException.class);
        server.verify(0, postRequestedFor(urlEqualTo(MODEL_PATH + ":fetchPredictOperation")));
    }

    @Test
    void download_inlineBytes_writtenWhole() throws Exception {
        stubJson(fetch(), 200, "operation-done-inline.json");

        provider.download(OPERATION, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
    }

    @Test
    void download_gcsOutput_readThroughTheStorageApiWithTheToken() throws Exception {
        stubJson(fetch(), 200, "operation-done-gcs.json");
        stubObject(md5(MP4));
        server.stubFor(get(urlEqualTo(OBJECT + "?alt=media"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(MP4)));

        provider.download(OPERATION, dir.resolve("clip.mp4"));

        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(MP4);
        server.verify(getRequestedFor(urlEqualTo(OBJECT + "?alt=media"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void download_gcsBytesDifferFromTheObjectsMd5_refusedAsCorrupt() throws Exception {
        stubJson(fetch(), 200, "operation-done-gcs.json");
        stubObject(md5("other-bytes".getBytes()));
        server.stubFor(get(urlEqualTo(OBJECT + "?alt=media"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(MP4)));

        assertThatThrownBy(() -> provider.download(OPERATION, dir.resolve("clip.mp4")))
                .isInstanceOf(CorruptDownloadException.class)
                .hasMessageContaining("MD5 mismatch");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void download_gcsObjectDeletedBeforeTheCopy_reportsThePaidRenderLost() {
        stubJson(fetch(), 200, "operation-done-gcs.json");
        server.stubFor(get(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> provider.download(OPERATION, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class)
                .hasMessageContaining("paid for");
    }

    private static void stubObject(String md5) {
        server.stubFor(get(urlEqualTo(OBJECT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"kind\": \"storage#object\", \"bucket\": \"reelforge-veo\", \"name\": \"out/4f1d/sample_0.mp4\","
                                        + " \"contentType\": \"video/mp4\", \"size\": \"16\", \"md5Hash\": \"" + md5
                                        + "\"}")));
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void download_gcsObjectDeletedAfterItsMetadataWasRead_reportsThePaidRenderLost() throws Exception {
        stubJson(fetch(), 200, "operation-done-gcs.json");
        stubObject(md5(MP4));
        server.stubFor(
                get(urlEqualTo(OBJECT + "?alt=media")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> provider.download(OPERATION, dir.resolve("clip.mp4")))
                .isInstanceOf(PaidRenderLostException.class);
    }
}
