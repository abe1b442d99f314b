package dev.reelforge.providers.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.providers.internal.AmbiguousCreateException;
import dev.reelforge.providers.internal.ClipDownload;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.ProviderHttp;
import dev.reelforge.providers.internal.ReferenceImageFile;
import dev.reelforge.providers.internal.SubmitOnce;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code vertex-veo} adapter: Veo on Vertex AI through {@code models/{model}:predictLongRunning} and
 * {@code :fetchPredictOperation}, with a bearer token from an {@link AccessTokenSource}. The job id is the operation
 * name Vertex returns. A finished operation carries each video inline ({@code bytesBase64Encoded}) or, when the
 * deployment sets an output URI, as a {@code gcsUri} that is read through the Cloud Storage JSON API and checked
 * against the object's {@code md5Hash}; either way the clip is written whole. Text-to-video with native audio
 * ({@code generateAudio}), a first frame ({@code instances[].image}), a last frame ({@code lastFrame}) and asset or
 * style reference images ({@code referenceImages[]} with {@code referenceType}), all inline as
 * {@code bytesBase64Encoded}; {@link #extend} continues a Veo output. Vertex documents no
 * idempotency key, so creates go through the {@link ProviderJobLedger}. Thread-safe.
 */
public final class VertexVeoProvider implements VideoProvider {
    public static final String NAME = "vertex-veo";
    private static final Pattern OPERATION = Pattern.compile(
            "(projects/[a-z0-9-]+/locations/[a-z0-9-]+/publishers/google/models/[a-z0-9.-]+)/operations/[A-Za-z0-9_-]{1,128}");
    private static final Pattern GCS = Pattern.compile("gs://([a-z0-9._-]{3,222})/(.+)");

    private final VertexVeoSettings settings;
    private final AccessTokenSource tokens;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final SubmitOnce once;
    private final Clock clock;

    public VertexVeoProvider(
            VertexVeoSettings settings,
            AccessTokenSource tokens,
            ObjectMapper json,
            ProviderJobLedger ledger,
            Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = new ProviderHttp(
                NAME, ProviderHttp.defaultClient(settings.connectTimeout()), json, settings.requestTimeout());
        this.json = json;
        this.once = new SubmitOnce(ledger, clock, NAME);
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        return once.submit(idempotencyKey, () -> create(spec), this::poll, new SubmitOnce.Reconciliation.None());
    }

    /**
     * Extends a Veo output: {@code predictLongRunning} whose instance carries the source operation's video as
     * {@code video} (its {@code gcsUri}, or its inline bytes when the output came inline) and
     * {@code durationSeconds} the seconds to add. The new operation's video is the whole longer clip.
     */
    @Override
    public ProviderJob extend(ExtendSpec spec, String idempotencyKey) {
        JsonNode source =
                operation(spec.sourceJobId()).path("response").path("videos").path(0);
        ObjectNode video = json.createObjectNode().put("mimeType", "video/mp4");
        if (source.hasNonNull("gcsUri")
                && GCS.matcher(source.get("gcsUri").asText()).matches()) {
            video.put("gcsUri", source.get("gcsUri").asText());
        } else if (source.hasNonNull("bytesBase64Encoded")) {
            video.put("bytesBase64Encoded", source.get("bytesBase64Encoded").asText());
        } else {
            throw new ProviderFailedException(NAME + " operation " + ProviderErrors.clean(spec.sourceJobId())
                    + " has no finished video to extend");
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("instances").addObject().put("prompt", spec.prompt()).set("video", video);
        ObjectNode parameters = body.putObject("parameters")
                .put("sampleCount", 1)
                .put("durationSeconds", Math.round(spec.seconds()))
                .put("aspectRatio", spec.settings().aspectRatio().label())
                .put("resolution", spec.settings().resolution().label())
                .put("generateAudio", true);
        if (!settings.outputUri().isEmpty()) {
            parameters.put("storageUri", settings.outputUri());
        }
        return once.submit(
                idempotencyKey,
                () -> startOperation(spec.model(), body),
                this::poll,
                new SubmitOnce.Reconciliation.None());
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        JsonNode operation = operation(providerJobId);
        if (!operation.path("done").asBoolean(false)) {
            return new ProviderJob(providerJobId, ProviderJob.State.IN_PROGRESS, 50, settings.pollSeconds(), "");
        }
        if (operation.has("error")) {
            return failed(
                    providerJobId,
                    "the provider failed (code "
                            + operation.path("error").path("code").asInt() + "): "
                            + ProviderErrors.clean(
                                    operation.path("error").path("message").asText("")));
        }
        JsonNode response = operation.path("response");
        if (!response.path("videos").elements().hasNext()) {
            int filtered = response.path("raiMediaFilteredCount").asInt(0);
            return failed(
                    providerJobId,
                    filtered > 0
                            ? "the provider's moderation refused this clip (" + filtered + " filtered: "
                                    + ProviderErrors.clean(
                                            String.join("; ", strings(response.path("raiMediaFilteredReasons"))))
                                    + ")"
                            : "the provider finished without a video");
        }
        return new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
    }

    @Override
    public void download(String providerJobId, Path target) {
        JsonNode video =
                operation(providerJobId).path("response").path("videos").path(0);
        if (video.hasNonNull("bytesBase64Encoded")) {
            writeInline(video.get("bytesBase64Encoded").asText(), target);
            return;
        }
        Matcher gcs = GCS.matcher(video.path("gcsUri").asText(""));
        if (!gcs.matches()) {
            throw new ProviderFailedException(
                    NAME + " operation has neither inline bytes nor a gs:// URI for its video");
        }
        String object = "storage/v1/b/" + gcs.group(1) + "/o/"
                + URLEncoder.encode(gcs.group(2), StandardCharsets.UTF_8).replace("+", "%20");
        ProviderHttp.Answer metadata = http.send(
                authorized(ProviderHttp.under(settings.storageBaseUrl(), object))
                        .GET()
                        .build(),
                "read the video's Cloud Storage metadata");
        if (metadata.status() == 404) {
            throw gone();
        }
        String md5 = ok(metadata, "read the video's Cloud Storage metadata")
                .path("md5Hash")
                .asText("");
        HttpResponse<InputStream> response = http.stream(
                authorized(ProviderHttp.under(settings.storageBaseUrl(), object + "?alt=media"))
                        .GET()
                        .build(),
                "download video from Cloud Storage");
        if (response.statusCode() == 404) {
            ProviderHttp.discard(response);
            throw gone();
        }
        if (response.statusCode() / 100 != 2) {
            ProviderHttp.discard(response);
            throw ProviderErrors.forStatus(
                    NAME, "download video from Cloud Storage", response.statusCode(), response.headers(), "", clock);
        }
        ClipDownload.write(response, target, NAME);
        checkMd5(target, md5);
    }

    private static PaidRenderLostException gone() {
        return new PaidRenderLostException(
                NAME + " video is gone from Cloud Storage (HTTP 404); the render was paid for"
                        + " but its object was deleted before it was copied");
    }

    /** Cloud Storage's {@code md5Hash} (base64) of the object against the bytes written; composite objects have none. */
    private static void checkMd5(Path target, String expected) {
        if (expected.isEmpty()) {
            return;
        }
        try (InputStream in = Files.newInputStream(target)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
            if (!Base64.getEncoder().encodeToString(md5.digest()).equals(expected)) {
                Files.deleteIfExists(target);
                throw new CorruptDownloadException(
                        NAME + " video differs from its Cloud Storage object (MD5 mismatch); downloading again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back the " + NAME + " clip " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private ProviderJob create(GenerationSpec spec) {
        if (!spec.remixOf().isEmpty()) {
            throw new ProviderFailedException(
                    NAME + " adapter maps text-to-video (with a first frame) and extend; remix is not mapped");
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode instance = body.putArray("instances").addObject().put("prompt", spec.prompt());
        if (!spec.referenceImage().isEmpty()) {
            inline(instance.putObject("image"), ReferenceImageFile.of(spec));
        }
        for (GuideFile last : spec.guides(GuideImage.Role.LAST_FRAME)) {
            inline(instance.putObject("lastFrame"), ReferenceImageFile.read(last.path(), "lastFrame"));
        }
        List<GuideFile> references = spec.guides().stream()
                .filter(g -> g.role() != GuideImage.Role.LAST_FRAME)
                .toList();
        ArrayNode referenceImages = references.isEmpty() ? null : instance.putArray("referenceImages");
        for (int i = 0; i < references.size(); i++) {
            GuideFile reference = references.get(i);
            ObjectNode entry = referenceImages.addObject();
            inline(entry.putObject("image"), ReferenceImageFile.read(reference.path(), "referenceImages[" + i + "]"));
            entry.put("referenceType", reference.role().label());
        }
        ObjectNode parameters = body.putObject("parameters")
                .put("sampleCount", 1)
                .put("durationSeconds", Math.round(spec.settings().durationSeconds()))
                .put("aspectRatio", spec.settings().aspectRatio().label())
                .put("resolution", spec.settings().resolution().label())
                .put("generateAudio", true)
                .put("seed", spec.seed());
        if (!settings.outputUri().isEmpty()) {
            parameters.put("storageUri", settings.outputUri());
        }
        return startOperation(spec.model(), body);
    }

    /** Vertex's {@code Image}: the bytes inline, with their type. */
    private static void inline(ObjectNode image, ReferenceImageFile file) {
        image.put("bytesBase64Encoded", file.base64()).put("mimeType", file.mediaType());
    }

    private ProviderJob startOperation(String modelId, ObjectNode body) {
        HttpRequest request = authorized(model(modelId, "predictLongRunning"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.jsonBytes(body)))
                .build();
        ProviderHttp.Answer answer = http.sendCreate(request, "predictLongRunning");
        if (answer.ambiguous()) {
            throw new AmbiguousCreateException(answer.ambiguityReason());
        }
        String name = ok(answer, "predictLongRunning").path("name").asText("");
        if (!OPERATION.matcher(name).matches()) {
            throw new AmbiguousCreateException(NAME + " accepted the request without a usable operation name");
        }
        return new ProviderJob(name, ProviderJob.State.QUEUED, 0, settings.pollSeconds(), "");
    }

    private JsonNode operation(String name) {
        Matcher m = OPERATION.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw new ProviderFailedException(
                    "'" + ProviderErrors.clean(name) + "' is not a " + NAME + " operation name");
        }
        HttpRequest request = authorized(
                        ProviderHttp.under(settings.apiBaseUrl(), "v1/" + m.group(1) + ":fetchPredictOperation"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        http.jsonBytes(json.createObjectNode().put("operationName", name))))
                .build();
        return ok(http.send(request, "fetchPredictOperation"), "fetchPredictOperation");
    }

    private void writeInline(String base64, Path target) {
        byte[] clip;
        try {
            clip = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CorruptDownloadException(NAME + " sent inline video bytes that are not base64");
        }
        if (clip.length == 0) {
            throw new CorruptDownloadException(NAME + " sent an empty inline video");
        }
        try {
            Path absolute = target.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
            Files.write(partial, clip);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the " + NAME + " clip to " + target, e);
        }
    }

    private URI model(String model, String verb) {
        return ProviderHttp.under(
                settings.apiBaseUrl(),
                "v1/projects/" + settings.project() + "/locations/" + settings.location() + "/publishers/google/models/"
                        + model + ":" + verb);
    }

    private JsonNode ok(ProviderHttp.Answer answer, String what) {
        if (!answer.ok()) {
            throw ProviderErrors.forStatus(
                    NAME, what, answer.status(), answer.headers(), ProviderErrors.detail(answer.jsonOrEmpty()), clock);
        }
        return answer.jsonBody();
    }

    private HttpRequest.Builder authorized(URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + tokens.accessToken());
    }

    private static ProviderJob failed(String id, String reason) {
        return new ProviderJob(id, ProviderJob.State.FAILED, 0, 1, reason);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
