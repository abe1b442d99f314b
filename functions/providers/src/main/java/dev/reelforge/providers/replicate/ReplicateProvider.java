package dev.reelforge.providers.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code replicate} adapter: an official model's prediction ({@code POST /v1/models/{owner}/{name}/predictions},
 * the model being the capability data's {@code owner/name}), polled with {@code GET /v1/predictions/{id}}. A spec with
 * a {@code webhookUrl} asks Replicate to call back there when the prediction ends ({@code webhook} with
 * {@code webhook_events_filter: ["completed"]}); the delivery is a Standard Webhooks signed copy of the prediction,
 * which {@code StandardWebhooksVerifier} checks, and polling works the same. Predictions take no idempotency key, so
 * creates go through the {@link ProviderJobLedger}; a submit whose answer was lost is submitted again and reported as
 * a possible duplicate charge. Text-to-video only: the models' image inputs want a public URL, and remix, extend and
 * reframe are not mapped. Output URLs expire: a download that finds its URL gone reads the prediction again once.
 * Thread-safe.
 */
public final class ReplicateProvider implements VideoProvider {
    public static final String NAME = "replicate";
    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");
    private static final Pattern PREDICTION = Pattern.compile("[a-z0-9]{8,64}");
    private static final Pattern SENSITIVE =
            Pattern.compile("flagged as sensitive|\\(E005\\)", Pattern.CASE_INSENSITIVE);
    private static final Set<Integer> GONE = Set.of(403, 404, 410);

    private final ReplicateSettings settings;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final SubmitOnce once;
    private final Clock clock;

    public ReplicateProvider(ReplicateSettings settings, ObjectMapper json, ProviderJobLedger ledger, Clock clock) {
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
        spec.requireNoGuides(name());
        return once.submit(idempotencyKey, () -> create(spec), this::poll, new SubmitOnce.Reconciliation.None());
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        ProviderHttp.Answer answer = http.send(prediction(providerJobId).GET().build(), "get prediction");
        if (answer.status() == 404) {
            return failed(providerJobId, NAME + " no longer knows this prediction; submit again");
        }
        JsonNode prediction = ok(answer, "get prediction");
        String error = ProviderErrors.redact(prediction.path("error").asText(""), settings.apiToken());
        return switch (prediction.path("status").asText("")) {
            case "starting" ->
                new ProviderJob(providerJobId, ProviderJob.State.QUEUED, 0, settings.startingPollSeconds(), "");
            case "processing" ->
                new ProviderJob(providerJobId, ProviderJob.State.IN_PROGRESS, 50, settings.processingPollSeconds(), "");
            case "succeeded" ->
                outputUrl(prediction).isEmpty()
                        ? failed(providerJobId, NAME + " prediction succeeded without a video URL in its output")
                        : new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
            case "failed" ->
                failed(
                        providerJobId,
                        (ProviderErrors.isModeration(error)
                                                || SENSITIVE.matcher(error).find()
                                        ? "the provider's moderation refused this clip: "
                                        : "the provider failed: ")
                                + ProviderErrors.clean(error));
            case "canceled", "aborted" -> failed(providerJobId, NAME + " prediction was canceled before it finished");
            default ->
                throw new ProviderThrottledException(
                        NAME + " reported an unknown prediction status; asking again later");
        };
    }

    @Override
    public void download(String providerJobId, Path target) {
        HttpResponse<InputStream> response =
                http.stream(http.request(videoUrl(providerJobId)).GET().build(), "download video");
        if (GONE.contains(response.statusCode())) {
            ProviderHttp.discard(response);
            response =
                    http.stream(http.request(videoUrl(providerJobId)).GET().build(), "download video with a fresh URL");
            if (GONE.contains(response.statusCode())) {
                ProviderHttp.discard(response);
                throw new PaidRenderLostException(
                        NAME + " video file is gone (HTTP " + response.statusCode()
                                + ") even after reading the prediction again; the render was paid for but could not be copied in time");
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
        if (!spec.remixOf().isEmpty() || !spec.referenceImage().isEmpty()) {
            throw new ProviderFailedException(
                    NAME + " adapter renders text-to-video only; remix and a first frame are not mapped");
        }
        if (!MODEL.matcher(spec.model()).matches()) {
            throw new ProviderFailedException(
                    "'" + ProviderErrors.clean(spec.model()) + "' is not a " + NAME + " owner/name model");
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("input")
                .put("prompt", spec.prompt())
                .put("duration", Math.round(spec.settings().durationSeconds()))
                .put("aspect_ratio", spec.settings().aspectRatio().label())
                .put("resolution", spec.settings().resolution().label());
        if (!spec.webhookUrl().isEmpty()) {
            body.put("webhook", spec.webhookUrl())
                    .putArray("webhook_events_filter")
                    .add("completed");
        }
        HttpRequest request = authorized(api("v1/models/" + spec.model() + "/predictions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.jsonBytes(body)))
                .build();
        ProviderHttp.Answer answer = http.sendCreate(request, "create prediction");
        if (answer.ambiguous()) {
            throw new AmbiguousCreateException(answer.ambiguityReason());
        }
        String id = ok(answer, "create prediction").path("id").asText("");
        if (!PREDICTION.matcher(id).matches()) {
            throw new AmbiguousCreateException(NAME + " accepted the prediction without a usable id");
        }
        return new ProviderJob(id, ProviderJob.State.QUEUED, 0, settings.startingPollSeconds(), "");
    }

    private URI videoUrl(String id) {
        String url = outputUrl(ok(http.send(prediction(id).GET().build(), "get prediction"), "get prediction"));
        if (url.isEmpty()) {
            throw new ProviderFailedException(NAME + " prediction has no video URL; the model's output is not a video");
        }
        return URI.create(url);
    }

    /** A video model's output is one file URL, or a list whose first entry is the video. */
    private static String outputUrl(JsonNode prediction) {
        JsonNode output = prediction.path("output");
        String url = (output.isArray() ? output.path(0) : output).asText("");
        String scheme = url.toLowerCase(Locale.ROOT);
        return scheme.startsWith("https://") || scheme.startsWith("http://") ? url : "";
    }

    private JsonNode ok(ProviderHttp.Answer answer, String what) {
        if (!answer.ok()) {
            throw ProviderErrors.forStatus(
                    NAME,
                    what,
                    answer.status(),
                    answer.headers(),
                    ProviderErrors.redact(ProviderErrors.detail(answer.jsonOrEmpty()), settings.apiToken()),
                    clock);
        }
        return answer.jsonBody();
    }

    private static ProviderJob failed(String id, String reason) {
        return new ProviderJob(id, ProviderJob.State.FAILED, 0, 1, reason);
    }

    private HttpRequest.Builder prediction(String id) {
        if (id == null || !PREDICTION.matcher(id).matches()) {
            throw new ProviderFailedException("'" + ProviderErrors.clean(id) + "' is not a " + NAME + " prediction id");
        }
        return authorized(api("v1/predictions/" + id));
    }

    private HttpRequest.Builder authorized(URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + settings.apiToken());
    }

    private URI api(String path) {
        return ProviderHttp.under(settings.baseUrl(), path);
    }
}
