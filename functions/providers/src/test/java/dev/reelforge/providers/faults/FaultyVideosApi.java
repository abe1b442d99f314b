package dev.reelforge.providers.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelforge.core.testing.Mp4Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that plays an OpenAI-compatible Videos API ({@code POST /v1/videos}, {@code GET /v1/videos}
 * listing newest first with {@code limit}/{@code after}, {@code GET /v1/videos/{id}}, {@code GET …/content}) with a
 * seeded fault rate. A faulted call answers one of:
 * <ul>
 *   <li>before the service saw it (no state change): 429 with a Retry-After of 1–4 s, 500, a garbled 200, a stall past
 *       the client's timeout;
 *   <li>on a create, after the job was made (a lost reply): 502, a garbled 200, or a stall;
 *   <li>on a download: an HTML error page or a JSON error with status 200, an HTML page labelled video/mp4, a
 *       truncated MP4 with a matching Content-Length, or a wrong Content-Type.
 * </ul>
 * Whether a call faults depends only on the seed, the resource it names and how often that resource was called
 * before. Times ({@code created_at}, Retry-After deadlines) come from the test's clock. A poll-side call that comes
 * before the Retry-After it was given is counted as a violation. Healthy calls create jobs, advance them queued →
 * in_progress → completed (or failed by moderation for prompts marked {@code [refuse]}) one step per poll, and serve
 * a structurally valid MP4.
 */
final class FaultyVideosApi implements ResponseDefinitionTransformerV2 {
    private static final Pattern VIDEO = Pattern.compile("/v1/videos/(video_[0-9]+)(/content.*)?");
    private static final Pattern REQUEST_NUMBER = Pattern.compile("r-([0-9]+)");
    private static final String[] STATES = {"queued", "in_progress", "completed"};
    private static final byte[] CLIP = Mp4Bytes.clip(8);

    private final long seed;
    private final double faultRate;
    private final int stallMillis;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> callsPerResource = new TreeMap<>();
    private final Map<String, Long> notBefore = new TreeMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Integer> faults = new TreeMap<>();
    private final List<String> lostReplyJobIds = new ArrayList<>();
    private int corruptBodies;
    private int calls;
    private int retryAfterViolations;

    FaultyVideosApi(long seed, double faultRate, int stallMillis, Clock clock) {
        this.seed = seed;
        this.faultRate = faultRate;
        this.stallMillis = stallMillis;
        this.clock = clock;
    }

    private record Job(String id, JsonNode request, long createdAt, int step, boolean refuse) {}

    @Override
    public String getName() {
        return "faulty-videos-api";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        calls++;
        var request = event.getRequest();
        String method = request.getMethod().getName();
        String url = request.getUrl();
        String path = url.replaceFirst("\\?.*", "");
        boolean create = method.equals("POST") && path.equals("/v1/videos");
        JsonNode body = create ? read(request.getBodyAsString()) : json.createObjectNode();
        Matcher number = REQUEST_NUMBER.matcher(body.path("prompt").asText(""));
        String resource = create ? "create " + (number.find() ? number.group(1) : "?") : method + " " + path;
        int count = callsPerResource.merge(resource, 1, Integer::sum);
        long now = clock.instant().getEpochSecond();
        Matcher video = VIDEO.matcher(path);
        if (method.equals("GET") && video.matches() && now < notBefore.getOrDefault(resource, Long.MIN_VALUE)) {
            retryAfterViolations++;
        }
        SplittableRandom random =
                new SplittableRandom(seed ^ resource.hashCode() * 0x9E3779B97F4A7C15L ^ count * 0xBF58476D1CE4E5B9L);
        boolean faulted = random.nextDouble() < faultRate;
        if (create) {
            if (faulted && random.nextBoolean()) {
                return refusedBeforeService(random, resource, now);
            }
            String id = "video_" + (jobs.size() + 1);
            Job job = new Job(id, body, now, 0, body.path("prompt").asText("").contains("[refuse]"));
            jobs.put(id, job);
            if (faulted) {
                lostReplyJobIds.add(id);
                return lostReply(random);
            }
            return video(job);
        }
        if (faulted) {
            boolean download = video.matches() && video.group(2) != null && jobs.containsKey(video.group(1));
            if (download && random.nextBoolean()) {
                corruptBodies++;
                return corruptDownload(random);
            }
            ResponseDefinition refused = refusedBeforeService(random, resource, now);
            if (download && refused.getStatus() == 200 && refused.getFixedDelayMilliseconds() == null) {
                corruptBodies++;
            }
            return refused;
        }
        if (method.equals("GET") && path.equals("/v1/videos")) {
            return list(url);
        }
        if (method.equals("GET") && video.matches() && jobs.containsKey(video.group(1))) {
            String id = video.group(1);
            if (video.group(2) != null) {
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(CLIP)
                        .build();
            }
            Job job = jobs.computeIfPresent(
                    id, (k, j) -> new Job(j.id(), j.request(), j.createdAt(), Math.min(j.step() + 1, 2), j.refuse()));
            return video(job);
        }
        return new ResponseDefinitionBuilder()
                .withStatus(404)
                .withBody("{\"error\": {\"message\": \"not found\", \"code\": \"not_found\"}}")
                .build();
    }

    /** Every job the service created, lost replies included: what the provider would bill. */
    synchronized List<String> createdJobIds() {
        return List.copyOf(jobs.keySet());
    }

    /** Jobs whose create was made but answered with a 502, a garbled body or a stall. */
    synchronized List<String> lostReplyJobIds() {
        return List.copyOf(lostReplyJobIds);
    }

    /** Download answers with status 200 whose body is not the clip (including a garbled 200 on the content path). */
    synchronized int corruptBodies() {
        return corruptBodies;
    }

    synchronized int calls() {
        return calls;
    }

    synchronized Map<String, Integer> faults() {
        return Map.copyOf(faults);
    }

    synchronized int retryAfterViolations() {
        return retryAfterViolations;
    }

    private ResponseDefinition refusedBeforeService(SplittableRandom random, String resource, long now) {
        switch (random.nextInt(4)) {
            case 0 -> {
                int after = 1 + random.nextInt(4);
                notBefore.put(resource, now + after);
                count("429 Retry-After");
                return new ResponseDefinitionBuilder()
                        .withStatus(429)
                        .withHeader("Retry-After", Integer.toString(after))
                        .withBody(
                                "{\"error\": {\"message\": \"Rate limit reached\", \"code\": \"rate_limit_exceeded\"}}")
                        .build();
            }
            case 1 -> {
                count("500");
                return new ResponseDefinitionBuilder()
                        .withStatus(500)
                        .withBody("{\"error\": {\"message\": \"The server had an error\", \"code\": null}}")
                        .build();
            }
            case 2 -> {
                count("garbled 200");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"video_0")
                        .build();
            }
            default -> {
                count("stall");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withFixedDelay(stallMillis)
                        .withBody("{}")
                        .build();
            }
        }
    }

    private ResponseDefinition lostReply(SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                count("create made, reply 502");
                return new ResponseDefinitionBuilder()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")
                        .build();
            }
            case 1 -> {
                count("create made, reply garbled");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"vid")
                        .build();
            }
            default -> {
                count("create made, reply stalled");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withFixedDelay(stallMillis)
                        .withBody("{}")
                        .build();
            }
        }
    }

    private ResponseDefinition corruptDownload(SplittableRandom random) {
        String page = "<!DOCTYPE html><html><head><title>Error</title></head><body>upstream unavailable</body></html>";
        switch (random.nextInt(5)) {
            case 0 -> {
                count("download: HTML page, 200 text/html");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody(page)
                        .build();
            }
            case 1 -> {
                count("download: HTML page labelled video/mp4");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(page)
                        .build();
            }
            case 2 -> {
                count("download: JSON error, 200");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"gateway timeout\", \"code\": \"upstream_error\"}}")
                        .build();
            }
            case 3 -> {
                count("download: truncated MP4");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(Arrays.copyOf(CLIP, CLIP.length / 3))
                        .build();
            }
            default -> {
                count("download: wrong Content-Type");
                return new ResponseDefinitionBuilder()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/webp")
                        .withBody(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'})
                        .build();
            }
        }
    }

    private void count(String fault) {
        faults.merge(fault, 1, Integer::sum);
    }

    /** {@code GET /v1/videos}: newest first, {@code limit} (default 20, at most 100) after the {@code after} id. */
    private ResponseDefinition list(String url) {
        Map<String, String> query = new TreeMap<>();
        int mark = url.indexOf('?');
        if (mark >= 0) {
            for (String pair : url.substring(mark + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "20"))));
        List<Job> newestFirst = new ArrayList<>(jobs.values());
        newestFirst.sort(Comparator.comparingLong(Job::createdAt)
                .thenComparingInt(j -> Integer.parseInt(j.id().substring(6)))
                .reversed());
        int start = 0;
        if (query.containsKey("after")) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(query.get("after"))) {
                    start = i + 1;
                }
            }
        }
        List<Job> page =
                newestFirst.subList(Math.min(start, newestFirst.size()), Math.min(start + limit, newestFirst.size()));
        ObjectNode answer = json.createObjectNode().put("object", "list");
        ArrayNode data = answer.putArray("data");
        page.forEach(job -> data.add(videoObject(job)));
        answer.put("first_id", page.isEmpty() ? null : page.get(0).id());
        answer.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
        answer.put("has_more", start + limit < newestFirst.size());
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(answer.toString())
                .build();
    }

    private ObjectNode videoObject(Job job) {
        String status = job.refuse() && job.step() == 2 ? "failed" : STATES[job.step()];
        ObjectNode body = json.createObjectNode()
                .put("id", job.id())
                .put("object", "video")
                .put("status", status)
                .put("progress", job.step() * 50)
                .put("model", job.request().path("model").asText())
                .put("created_at", job.createdAt())
                .put("size", job.request().path("size").asText())
                .put("seconds", job.request().path("seconds").asText())
                .put("prompt", job.request().path("prompt").asText());
        body.putNull("remixed_from_video_id");
        if (status.equals("failed")) {
            body.putObject("error").put("code", "moderation_blocked").put("message", "blocked by moderation");
        } else {
            body.putNull("error");
        }
        return body;
    }

    private ResponseDefinition video(Job job) {
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("openai-poll-after-ms", "1500")
                .withBody(videoObject(job).toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
