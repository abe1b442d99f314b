package dev.reelforge.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.providers.internal.ProviderHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the video a lost create started: {@code GET /videos?limit=100&order=desc}, paged with {@code after} until
 * the videos are older than the call's window. A video matches when its model (or a dated snapshot of it), size,
 * seconds and prompt (when the listing carries it) are what we sent, and its {@code created_at} lies in the window,
 * widened by {@link #CLOCK_SKEW_SECONDS} each side for the difference between our clock and the provider's.
 */
final class OpenAiVideoListing {
    static final long CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_PAGES = 5;

    private final ProviderHttp http;
    private final OpenAiVideosProvider adapter;

    OpenAiVideoListing(ProviderHttp http, OpenAiVideosProvider adapter) {
        this.http = http;
        this.adapter = adapter;
    }

    /** Matching videos created between the instants, oldest first; null when the endpoint serves no listing. */
    List<ProviderJob> matches(GenerationSpec spec, Instant since, Instant until) {
        long from = since.getEpochSecond() - CLOCK_SKEW_SECONDS;
        long to = until.getEpochSecond() + CLOCK_SKEW_SECONDS;
        List<Match> found = new ArrayList<>();
        String after = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            ProviderHttp.Answer answer = http.send(
                    adapter.authorized(adapter.uri(
                                    "/videos?limit=100&order=desc" + (after.isEmpty() ? "" : "&after=" + after)))
                            .GET()
                            .build(),
                    "list videos");
            if (answer.status() == 404 || answer.status() == 405 || answer.status() == 501) {
                return null;
            }
            JsonNode list = adapter.ok(answer, "list videos");
            boolean older = false;
            for (JsonNode video : list.path("data")) {
                long created = video.path("created_at").asLong(0);
                if (created < from) {
                    older = true;
                } else if (created <= to && sameRequest(spec, video)) {
                    found.add(new Match(created, adapter.toListedJob(video, answer)));
                }
            }
            after = list.path("last_id").asText("");
            if (older
                    || !list.path("has_more").asBoolean(false)
                    || after.isEmpty()
                    || !after.matches("[A-Za-z0-9_-]{1,128}")) {
                break;
            }
        }
        return found.stream()
                .sorted(Comparator.comparingLong(Match::createdAt))
                .map(Match::job)
                .toList();
    }

    private record Match(long createdAt, ProviderJob job) {}

    private static boolean sameRequest(GenerationSpec spec, JsonNode video) {
        var frame = spec.settings().frameSize();
        String model = video.path("model").asText("");
        boolean remix = !spec.remixOf().isEmpty();
        String prompt = remix && !spec.editInstruction().isEmpty() ? spec.editInstruction() : spec.prompt();
        String remixedFrom = video.path("remixed_from_video_id").asText("");
        return (model.equals(spec.model()) || model.startsWith(spec.model() + "-"))
                && video.path("size").asText("").equals(frame.width() + "x" + frame.height())
                && video.path("seconds")
                        .asText("")
                        .equals(Long.toString(Math.round(spec.settings().durationSeconds())))
                && (!video.path("prompt").isTextual()
                        || video.path("prompt").asText().equals(prompt))
                && (remix ? remixedFrom.isEmpty() || remixedFrom.equals(spec.remixOf()) : remixedFrom.isEmpty());
    }
}
