package dev.reelforge.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
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
 * The {@code openai-videos} adapter: the OpenAI Videos protocol ({@code POST /videos}, {@code GET /videos/{id}},
 * {@code GET /videos/{id}/content}, {@code POST /videos/{id}/remix}) against a configurable base URL, since
 * gateways still serve it after OpenAI's own endpoint shut down. The API has no idempotency key, so every create
 * goes through the {@link ProviderJobLedger} (and carries an {@code Idempotency-Key} header, which gateways that
 * honour it use). A create whose answer was lost is reconciled by listing recent videos ({@code GET /videos},
 * newest first) and adopting the one with our model, size, seconds and prompt created inside the call's window.
 * Thread-safe.
 *
 * <pre>{@code
 * VideoProvider openai = new OpenAiVideosProvider(OpenAiVideosSettings.of(URI.create("https://gw.example/v1"), key),
 *         json, ledger, Clock.systemUTC());
 * }</pre>
 */
public final class OpenAiVideosProvider implements VideoProvider {
    public static final String NAME = "openai-videos";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Set<Integer> GONE = Set.of(403, 404, 410);

    private final OpenAiVideosSettings settings;
    private final ProviderHttp http;
    private final OpenAiVideoRequests requests;
    private final SubmitOnce once;
    private final OpenAiVideoListing listing;
    private final Clock clock;

    public OpenAiVideosProvider(
            OpenAiVideosSettings settings, ObjectMapper json, ProviderJobLedger ledger, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttp(
                NAME, ProviderHttp.defaultClient(settings.connectTimeout()), json, settings.requestTimeout());
        this.requests = new OpenAiVideoRequests(json);
        this.once = new SubmitOnce(ledger, clock, NAME);
        this.listing = new OpenAiVideoListing(http, this);
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        spec.requireNoGuides(name());
        return once.submit(
                idempotencyKey,
                () -> create(spec, idempotencyKey),
                this::poll,
                new SubmitOnce.Reconciliation.Listing((since, until) -> listing.matches(spec, since, until)));
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        ProviderHttp.Answer answer = http.send(
                authorized(uri("/videos/" + checkedId(providerJobId))).GET().build(), "retrieve");
        if (answer.status() == 404) {
            return new ProviderJob(
                    providerJobId,
                    ProviderJob.State.FAILED,
                    0,
                    1,
                    NAME + " no longer knows this render (deleted or expired); submit again");
        }
        return toJob(ok(answer, "retrieve"), answer);
    }

    @Override
    public void download(String providerJobId, Path target) {
        downloadVariant(providerJobId, "video", target);
    }

    /** The still image OpenAI renders with each video. */
    public void downloadThumbnail(String providerJobId, Path target) {
        downloadVariant(providerJobId, "thumbnail", target);
    }

    private void downloadVariant(String providerJobId, String variant, Path target) {
        String id = checkedId(providerJobId);
        HttpRequest request = authorized(uri("/videos/" + id + "/content?variant=" + variant))
                .GET()
                .build();
        HttpResponse<InputStream> response = http.stream(request, "download " + variant);
        if (GONE.contains(response.statusCode())) {
            ProviderHttp.discard(response);
            ProviderJob job = poll(id);
            if (job.state() != ProviderJob.State.COMPLETED) {
                throw new PaidRenderLostException(NAME + " no longer serves the finished " + variant + " ("
                        + job.failureReason() + "); the render was paid for but could not be copied in time");
            }
            response = http.stream(request, "download " + variant + " again");
            if (GONE.contains(response.statusCode())) {
                ProviderHttp.discard(response);
                throw new PaidRenderLostException(
                        NAME + " download link for the finished " + variant + " expired (HTTP " + response.statusCode()
                                + ") even after a fresh retrieve; the render was paid for but lost");
            }
        }
        if (response.statusCode() / 100 != 2) {
            ProviderHttp.discard(response);
            throw ProviderErrors.forStatus(
                    NAME, "download " + variant, response.statusCode(), response.headers(), "", clock);
        }
        ClipDownload.write(response, target, NAME, variant.equals("video") ? "video/" : "image/");
    }

    private ProviderJob create(GenerationSpec spec, String idempotencyKey) {
        HttpRequest request;
        String what;
        if (!spec.remixOf().isEmpty()) {
            what = "remix";
            request = authorized(uri("/videos/" + checkedId(spec.remixOf()) + "/remix"))
                    .header("Idempotency-Key", Sha256.hex(idempotencyKey))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requests.remix(spec)))
                    .build();
        } else if (!spec.referenceImage().isEmpty()) {
            what = "create";
            OpenAiVideoRequests.Multipart body = requests.multipartCreate(spec);
            request = authorized(uri("/videos"))
                    .header("Idempotency-Key", Sha256.hex(idempotencyKey))
                    .header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                    .build();
        } else {
            what = "create";
            request = authorized(uri("/videos"))
                    .header("Idempotency-Key", Sha256.hex(idempotencyKey))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requests.jsonCreate(spec)))
                    .build();
        }
        ProviderHttp.Answer answer = http.sendCreate(request, what);
        if (answer.ambiguous()) {
            throw new AmbiguousCreateException(answer.ambiguityReason());
        }
        ProviderJob job = toJob(ok(answer, what), answer);
        if (job.providerJobId().isEmpty()) {
            throw new AmbiguousCreateException(NAME + " accepted the " + what + " but named no video id");
        }
        return job;
    }

    /** A video object of a listing as this adapter's job, polled with the listing's hints. */
    ProviderJob toListedJob(JsonNode video, ProviderHttp.Answer answer) {
        return toJob(video, answer);
    }

    JsonNode ok(ProviderHttp.Answer answer, String what) {
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

    private ProviderJob toJob(JsonNode video, ProviderHttp.Answer answer) {
        String status = video.path("status").asText("").toLowerCase(Locale.ROOT);
        ProviderJob.State state = switch (status) {
            case "queued" -> ProviderJob.State.QUEUED;
            case "in_progress" -> ProviderJob.State.IN_PROGRESS;
            case "completed" -> ProviderJob.State.COMPLETED;
            case "failed" -> ProviderJob.State.FAILED;
            default ->
                throw new ProviderThrottledException(NAME + " reported an unknown video status '"
                        + ProviderErrors.clean(status) + "'; asking again later");
        };
        String reason = "";
        if (state == ProviderJob.State.FAILED) {
            String detail = ProviderErrors.redact(ProviderErrors.detail(video), settings.apiKey());
            reason = (ProviderErrors.isModeration(detail)
                            ? "the provider's moderation refused this clip: "
                            : "the provider failed: ")
                    + ProviderErrors.clean(detail);
        }
        int progress = state == ProviderJob.State.COMPLETED
                ? 100
                : Math.max(0, Math.min(100, video.path("progress").asInt(0)));
        return new ProviderJob(video.path("id").asText(""), state, progress, pollAfterSeconds(answer), reason);
    }

    private int pollAfterSeconds(ProviderHttp.Answer answer) {
        long millis = answer.headers()
                .firstValueAsLong("openai-poll-after-ms")
                .orElse(settings.defaultPollAfterSeconds() * 1000L);
        return (int) Math.max(1, Math.min(600, (millis + 999) / 1000));
    }

    HttpRequest.Builder authorized(URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + settings.apiKey());
    }

    URI uri(String path) {
        return ProviderHttp.under(settings.baseUrl(), path);
    }

    private static String checkedId(String id) {
        if (id == null || !VIDEO_ID.matcher(id).matches()) {
            throw new ProviderFailedException("'" + ProviderErrors.clean(id) + "' is not an " + NAME + " video id");
        }
        return id;
    }
}
