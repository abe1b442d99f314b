package dev.reelforge.providers.fal;

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
import dev.reelforge.providers.internal.ReferenceImageFile;
import dev.reelforge.providers.internal.SubmitOnce;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code fal-queue} adapter: submit ({@code POST /{model}}), status ({@code GET …/requests/{id}/status}),
 * result ({@code GET …/requests/{id}}) and cancel ({@code PUT …/requests/{id}/cancel}) on a fal-style queue with a
 * configurable base URL. The job id is the request's path under the queue root (e.g.
 * {@code fal-ai/luma-dream-machine/requests/<id>}), taken from the {@code response_url} the queue returns, so polls
 * need no model lookup. The queue has no idempotency key, so creates go through the {@link ProviderJobLedger}, and
 * the adapter cannot list recent requests: a submit whose answer was lost is submitted again and reported as a
 * possible duplicate charge.
 * A spec with a {@code webhookUrl} is submitted with fal's {@code fal_webhook} query parameter, so fal POSTs an
 * ED25519-signed notice there when the request ends ({@code FalWebhookVerifier} checks it); polling works the same.
 * Result file URLs expire: a download that finds its URL gone asks for the result again once. Thread-safe.
 */
public final class FalQueueProvider implements VideoProvider {
    public static final String NAME = "fal-queue";
    private static final Pattern JOB_ID =
            Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/requests/[A-Za-z0-9_-]{1,128}");
    private static final Set<Integer> GONE = Set.of(403, 404, 410);

    private final FalQueueSettings settings;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final SubmitOnce once;
    private final Clock clock;

    public FalQueueProvider(FalQueueSettings settings, ObjectMapper json, ProviderJobLedger ledger, Clock clock) {
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
        ProviderHttp.Answer answer = http.send(
                authorized(queue(checkedId(providerJobId) + "/status")).GET().build(), "status");
        if (answer.status() == 404) {
            return failed(providerJobId, NAME + " no longer knows this request; submit again");
        }
        JsonNode status = ok(answer, "status");
        String error = ProviderErrors.redact(ProviderErrors.detail(status), settings.apiKey());
        return switch (status.path("status").asText("")) {
            case "IN_QUEUE" ->
                new ProviderJob(
                        providerJobId,
                        ProviderJob.State.QUEUED,
                        0,
                        pollAfter(answer, settings.queuedPollSeconds()),
                        "");
            case "IN_PROGRESS" ->
                new ProviderJob(
                        providerJobId,
                        ProviderJob.State.IN_PROGRESS,
                        50,
                        pollAfter(answer, settings.runningPollSeconds()),
                        "");
            case "COMPLETED" ->
                error.isEmpty()
                        ? new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "")
                        : failed(
                                providerJobId,
                                (ProviderErrors.isModeration(error)
                                                ? "the provider's moderation refused this clip: "
                                                : "the provider failed: ")
                                        + ProviderErrors.clean(error));
            default ->
                throw new ProviderThrottledException(NAME + " reported an unknown queue status; asking again later");
        };
    }

    @Override
    public void download(String providerJobId, Path target) {
        String id = checkedId(providerJobId);
        URI file = videoUrl(id);
        HttpResponse<InputStream> response =
                http.stream(http.request(file).GET().build(), "download video");
        if (GONE.contains(response.statusCode())) {
            ProviderHttp.discard(response);
            response = http.stream(http.request(videoUrl(id)).GET().build(), "download video with a fresh URL");
            if (GONE.contains(response.statusCode())) {
                ProviderHttp.discard(response);
                throw new PaidRenderLostException(
                        NAME + " video file is gone (HTTP " + response.statusCode()
                                + ") even after asking for a fresh result; the render was paid for but could not be copied in time");
            }
        }
        if (response.statusCode() / 100 != 2) {
            ProviderHttp.discard(response);
            throw ProviderErrors.forStatus(
                    NAME, "download video", response.statusCode(), response.headers(), "", clock);
        }
        ClipDownload.write(response, target, NAME);
    }

    /**
     * Asks the queue to drop the request: removed while queued, a cancellation signal while running.
     *
     * @return the queue's answer, e.g. {@code CANCELLATION_REQUESTED}, {@code ALREADY_COMPLETED} or {@code NOT_FOUND}
     */
    public String cancel(String providerJobId) {
        ProviderHttp.Answer answer = http.send(
                authorized(queue(checkedId(providerJobId) + "/cancel"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                "cancel");
        if (answer.status() == 429 || answer.status() >= 500) {
            throw ProviderErrors.forStatus(NAME, "cancel", answer.status(), answer.headers(), "", clock);
        }
        return answer.jsonOrEmpty()
                .path("status")
                .asText(answer.status() == 404 ? "NOT_FOUND" : "HTTP_" + answer.status());
    }

    private ProviderJob create(GenerationSpec spec) {
        if (!spec.remixOf().isEmpty()) {
            throw new ProviderFailedException(
                    NAME + " adapter renders text-to-video only (with a first frame); remix is not mapped");
        }
        ObjectNode input = json.createObjectNode()
                .put("prompt", spec.prompt())
                .put("aspect_ratio", spec.settings().aspectRatio().label())
                .put("duration", Math.round(spec.settings().durationSeconds()) + "s")
                .put("resolution", spec.settings().resolution().label());
        String endpoint = spec.model();
        if (!spec.referenceImage().isEmpty()) {
            endpoint = spec.model() + "/image-to-video";
            input.put("image_url", ReferenceImageFile.of(spec).dataUri());
        }
        URI target = queue(endpoint);
        if (!spec.webhookUrl().isEmpty()) {
            target =
                    URI.create(target + "?fal_webhook=" + URLEncoder.encode(spec.webhookUrl(), StandardCharsets.UTF_8));
        }
        HttpRequest request = authorized(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.jsonBytes(input)))
                .build();
        ProviderHttp.Answer answer = http.sendCreate(request, "submit");
        if (answer.ambiguous()) {
            throw new AmbiguousCreateException(answer.ambiguityReason());
        }
        JsonNode queued = ok(answer, "submit");
        String responseUrl = queued.path("response_url").asText("");
        String path =
                responseUrl.isEmpty() ? "" : URI.create(responseUrl).getPath().replaceFirst("^/+", "");
        if (!JOB_ID.matcher(path).matches()) {
            throw new AmbiguousCreateException(NAME + " accepted the submit without a usable response_url");
        }
        return new ProviderJob(path, ProviderJob.State.QUEUED, 0, settings.queuedPollSeconds(), "");
    }

    private URI videoUrl(String id) {
        ProviderHttp.Answer answer = http.send(authorized(queue(id)).GET().build(), "result");
        JsonNode result = ok(answer, "result");
        String url = result.path("video").path("url").asText("");
        if (url.isEmpty()) {
            throw new ProviderFailedException(NAME + " result has no video URL; the model's output is not a video");
        }
        return URI.create(url);
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

    private int pollAfter(ProviderHttp.Answer answer, int fallback) {
        int hinted = ProviderErrors.retryAfterSeconds(answer.headers(), clock);
        return hinted > 0 ? hinted : fallback;
    }

    private HttpRequest.Builder authorized(URI uri) {
        return http.request(uri).header("Authorization", "Key " + settings.apiKey());
    }

    private URI queue(String path) {
        return ProviderHttp.under(settings.baseUrl(), path);
    }

    private static String checkedId(String id) {
        if (id == null || !JOB_ID.matcher(id).matches()) {
            throw new ProviderFailedException("'" + ProviderErrors.clean(id) + "' is not a " + NAME + " request path");
        }
        return id;
    }
}
