package dev.reelforge.providers.luma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ReframeSpec;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.providers.internal.AmbiguousCreateException;
import dev.reelforge.providers.internal.ClipDownload;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.ProviderHttp;
import dev.reelforge.providers.internal.SubmitOnce;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code luma} adapter on Luma's Agents API: create ({@code POST /generations}, {@code type: video}) and get
 * ({@code GET /generations/{id}}), whose {@code state} is {@code queued | processing | completed | failed} and whose
 * {@code output[]} carries presigned URLs valid for an hour. A remix ({@link GenerationSpec#remixOf()}) is Luma's
 * {@code video_edit} of that earlier generation ({@code source.generation_id}) under the prompt with the targeted fix,
 * at the deployment's {@code video.edit.strength} preset ({@link LumaSettings#editStrength()}); the edit keeps the
 * source's aspect ratio and duration. A reference image is the first frame ({@code video.start_frame}) and a
 * last frame the end frame ({@code video.end_frame}), each an ImageRef by {@code url}, as Luma's Agents API documents
 * image-to-video for ray-3.2 ({@code keyframes.frame0/frame1} is the older Dream Machine API's shape);
 * {@link #extend} continues a generation by one 5 s block; {@link #reframe} changes its aspect ratio.
 *
 * <p>Failure codes: {@code content_moderated} fails the clip as a moderation refusal (terminal: the same prompt is
 * refused again); {@code generation_failed}, {@code rate_limited} and {@code output_not_found} fail the clip as a
 * provider fault a new attempt may get past. Luma documents no idempotency key, so creates go through the
 * {@link ProviderJobLedger} as on fal. Thread-safe.
 */
public final class LumaProvider implements VideoProvider {
    public static final String NAME = "luma";
    private static final Pattern JOB_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<Integer> GONE = Set.of(403, 404, 410);
    private static final int EXTEND_BLOCK_SECONDS = 5;
    private static final Set<String> RETRYABLE = Set.of("generation_failed", "rate_limited", "output_not_found");

    private final LumaSettings settings;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final SubmitOnce once;
    private final Clock clock;

    public LumaProvider(LumaSettings settings, ObjectMapper json, ProviderJobLedger ledger, Clock clock) {
        this.settings = settings;
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
        if (spec.guides().stream().anyMatch(g -> g.role() != GuideImage.Role.LAST_FRAME)) {
            throw InvalidRequestException.of(
                    "referenceImages", "the " + NAME + " adapter maps no referenceImages, only a first and last frame");
        }
        if (!spec.remixOf().isEmpty() && !spec.guides().isEmpty()) {
            throw InvalidRequestException.of(
                    "lastFrame", "a " + NAME + " video edit keeps its source's frames; it takes no lastFrame");
        }
        return once.submit(idempotencyKey, () -> create(spec), this::poll, new SubmitOnce.Reconciliation.None());
    }

    /**
     * Continues a completed generation forward by one 5 s block: a {@code video} generation whose
     * {@code video.start_frame} is the source's {@code generation_id} (Luma's ImageRef for a prior generation of the
     * same API key). The new generation's clip is the continuation only, starting where the source ends.
     */
    @Override
    public ProviderJob extend(ExtendSpec spec, String idempotencyKey) {
        if (Math.abs(spec.seconds() - EXTEND_BLOCK_SECONDS) > 1e-9) {
            throw InvalidRequestException.of(
                    "extend.seconds",
                    NAME + " extends by one " + EXTEND_BLOCK_SECONDS + " s block per call, not " + spec.seconds()
                            + " s");
        }
        String source = checkedId(spec.sourceJobId());
        return once.submit(
                idempotencyKey, () -> post(extension(spec, source)), this::poll, new SubmitOnce.Reconciliation.None());
    }

    /**
     * Luma's {@code video_reframe} of a completed generation ({@code source.generation_id}) to another aspect ratio:
     * the source's content is kept and the new canvas painted from the prompt; the clip keeps the source's length.
     */
    @Override
    public ProviderJob reframe(ReframeSpec spec, String idempotencyKey) {
        ObjectNode body = json.createObjectNode()
                .put("model", spec.model())
                .put("type", "video_reframe")
                .put("prompt", spec.prompt())
                .put("aspect_ratio", spec.to().label());
        body.putObject("source").put("generation_id", checkedId(spec.sourceJobId()));
        body.putObject("video").put("resolution", spec.resolution().label());
        return once.submit(idempotencyKey, () -> post(body), this::poll, new SubmitOnce.Reconciliation.None());
    }

    private ObjectNode extension(ExtendSpec spec, String source) {
        ObjectNode body = json.createObjectNode()
                .put("model", spec.model())
                .put("type", "video")
                .put("prompt", spec.prompt())
                .put("aspect_ratio", spec.settings().aspectRatio().label());
        body.putObject("video")
                .put("resolution", spec.settings().resolution().label())
                .put("duration", EXTEND_BLOCK_SECONDS + "s")
                .putObject("start_frame")
                .put("generation_id", source);
        return body;
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        JsonNode generation = generation(checkedId(providerJobId), "get generation");
        String code = generation.path("failure_code").asText("");
        String reason = ProviderErrors.clean(
                ProviderErrors.redact(generation.path("failure_reason").asText(""), settings.apiKey()));
        return switch (generation.path("state").asText("")) {
            case "queued" ->
                new ProviderJob(providerJobId, ProviderJob.State.QUEUED, 0, settings.queuedPollSeconds(), "");
            case "processing" ->
                new ProviderJob(providerJobId, ProviderJob.State.IN_PROGRESS, 50, settings.runningPollSeconds(), "");
            case "completed" -> new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
            case "failed" -> failed(providerJobId, failureReason(code, reason));
            default ->
                throw new ProviderThrottledException(
                        NAME + " reported an unknown generation state; asking again later");
        };
    }

    @Override
    public void download(String providerJobId, Path target) {
        String id = checkedId(providerJobId);
        HttpResponse<InputStream> response =
                http.stream(http.request(videoUrl(id)).GET().build(), "download video");
        if (GONE.contains(response.statusCode())) {
            ProviderHttp.discard(response);
            response = http.stream(http.request(videoUrl(id)).GET().build(), "download video with a fresh URL");
            if (GONE.contains(response.statusCode())) {
                ProviderHttp.discard(response);
                throw new PaidRenderLostException(
                        NAME + " video URL is gone (HTTP " + response.statusCode()
                                + ") even after asking for a fresh one; the render was paid for but could not be copied in time");
            }
        }
        if (response.statusCode() / 100 != 2) {
            ProviderHttp.discard(response);
            throw ProviderErrors.forStatus(
                    NAME, "download video", response.statusCode(), response.headers(), "", clock);
        }
        ClipDownload.write(response, target, NAME);
    }

    private ProviderJob create(GenerationSpec spec) {
        if (!spec.referenceImage().isEmpty() && !spec.referenceImageUrl().startsWith("https://")) {
            throw noHttpsUrl("referenceImage");
        }
        if (spec.guides(GuideImage.Role.LAST_FRAME).stream()
                .anyMatch(g -> !g.url().startsWith("https://"))) {
            throw noHttpsUrl("lastFrame");
        }
        return post(spec.remixOf().isEmpty() ? textToVideo(spec) : videoEdit(spec));
    }

    private static InvalidRequestException noHttpsUrl(String field) {
        return new InvalidRequestException(List.of(new InvalidRequestException.Problem(
                field,
                NAME + " fetches keyframe images from an https URL, and this deployment's clip store gave none"
                        + " (the local store's URLs are http on 127.0.0.1)")));
    }

    private ProviderJob post(ObjectNode body) {
        HttpRequest request = authorized(api("generations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.jsonBytes(body)))
                .build();
        ProviderHttp.Answer answer = http.sendCreate(request, "create generation");
        if (answer.ambiguous()) {
            throw new AmbiguousCreateException(answer.ambiguityReason());
        }
        JsonNode created = ok(answer, "create generation");
        String id = created.path("id").asText("");
        if (!JOB_ID.matcher(id).matches()) {
            throw new AmbiguousCreateException(NAME + " accepted the generation without a usable id");
        }
        return new ProviderJob(id, ProviderJob.State.QUEUED, 0, settings.queuedPollSeconds(), "");
    }

    private ObjectNode textToVideo(GenerationSpec spec) {
        ObjectNode body = json.createObjectNode()
                .put("model", spec.model())
                .put("type", "video")
                .put("prompt", spec.prompt())
                .put("aspect_ratio", spec.settings().aspectRatio().label());
        body.putObject("video")
                .put("resolution", spec.settings().resolution().label())
                .put("duration", Math.round(spec.settings().durationSeconds()) + "s");
        ObjectNode video = (ObjectNode) body.get("video");
        if (!spec.referenceImage().isEmpty()) {
            video.putObject("start_frame").put("url", spec.referenceImageUrl());
        }
        List<GuideFile> last = spec.guides(GuideImage.Role.LAST_FRAME);
        if (!last.isEmpty()) {
            video.putObject("end_frame").put("url", last.get(0).url());
        }
        return body;
    }

    /** {@code video_edit} of an earlier generation: the prompt re-renders it, so it carries the fix to make. */
    private ObjectNode videoEdit(GenerationSpec spec) {
        String prompt = spec.editInstruction().isEmpty()
                ? spec.prompt()
                : spec.prompt().strip() + "\n" + spec.editInstruction();
        ObjectNode body = json.createObjectNode()
                .put("model", spec.model())
                .put("type", "video_edit")
                .put("prompt", prompt);
        body.putObject("source").put("generation_id", checkedId(spec.remixOf()));
        body.putObject("video")
                .put("resolution", spec.settings().resolution().label())
                .putObject("edit")
                .put("strength", settings.editStrength());
        return body;
    }

    private static String failureReason(String code, String reason) {
        String detail = reason.isEmpty() ? code : code + ": " + reason;
        if ("content_moderated".equals(code)) {
            return "the provider's moderation refused this clip (" + detail + "); rephrase the prompt";
        }
        if (RETRYABLE.contains(code)) {
            return "the provider failed (" + detail
                    + "); a new attempt may succeed, and Luma refunds failed generations";
        }
        return "the provider failed (" + (detail.isEmpty() ? "no failure code" : detail) + ")";
    }

    private URI videoUrl(String id) {
        JsonNode generation = generation(id, "get generation for download");
        for (JsonNode output : generation.path("output")) {
            if (output.path("type").asText("").startsWith("video")
                    && !output.path("url").asText("").isEmpty()) {
                return URI.create(output.path("url").asText());
            }
        }
        throw new ProviderFailedException(NAME + " generation has no video output (state "
                + ProviderErrors.clean(generation.path("state").asText("")) + ")");
    }

    private JsonNode generation(String id, String what) {
        return ok(http.send(authorized(api("generations/" + id)).GET().build(), what), what);
    }

    private JsonNode ok(ProviderHttp.Answer answer, String what) {
        if (!answer.ok()) {
            throw ProviderErrors.forStatus(
                    NAME,
                    what,
                    answer.status(),
                    answer.headers(),
                    ProviderErrors.redact(ProviderErrors.detail(answer.jsonOrEmpty()), settings.apiKey()),
                    clock);
        }
        return answer.jsonBody();
    }

    private static ProviderJob failed(String id, String reason) {
        return new ProviderJob(id, ProviderJob.State.FAILED, 0, 1, reason);
    }

    private HttpRequest.Builder authorized(URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + settings.apiKey());
    }

    private URI api(String path) {
        return ProviderHttp.under(settings.baseUrl(), path);
    }

    private static String checkedId(String id) {
        if (id == null || !JOB_ID.matcher(id).matches()) {
            throw new ProviderFailedException("'" + ProviderErrors.clean(id) + "' is not a " + NAME + " generation id");
        }
        return id;
    }
}
