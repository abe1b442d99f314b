package dev.reelforge.providers.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that plays an OpenAI-compatible Videos API with a seeded fault rate: a faulted call answers
 * 429 (Retry-After 1), 500, a garbled 200, or stalls past the client timeout, and changes no state (the gateway
 * refused it before the service saw it). Whether a call faults depends only on the seed, the resource it names (the
 * request number in the prompt, or the video id) and how often that resource was called before, so the outcome does
 * not depend on how concurrent callers interleave. Healthy calls create jobs, advance them queued → in_progress → completed
 * (or failed by moderation for prompts marked {@code [refuse]}) one step per poll, and serve content.
 */
final class FaultyVideosApi implements ResponseDefinitionTransformerV2 {
    private static final Pattern VIDEO = Pattern.compile("/v1/videos/(video_[0-9]+_[0-9]+)(/content.*)?");
    private static final Pattern REQUEST_NUMBER = Pattern.compile("r-([0-9]+)");
    private static final String[] STATES = {"queued", "in_progress", "completed"};

    private final long seed;
    private final Map<String, Integer> callsPerResource = new ConcurrentHashMap<>();
    private final double faultRate;
    private final int stallMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> createdPrompts = new ArrayList<>();
    private final Map<String, Integer> faults = new ConcurrentHashMap<>();
    private int calls;

    FaultyVideosApi(long seed, double faultRate, int stallMillis) {
        this.seed = seed;
        this.faultRate = faultRate;
        this.stallMillis = stallMillis;
    }

    private record Job(String prompt, int step, boolean refuse) {}

    @Override
    public String getName() {
        return "faulty-videos-api";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        calls++;
        var request = event.getRequest();
        String url = request.getUrl();
        boolean create = request.getMethod().getName().equals("POST") && url.equals("/v1/videos");
        String prompt = create ? read(request.getBodyAsString()).path("prompt").asText() : "";
        Matcher number = REQUEST_NUMBER.matcher(prompt);
        String resource = create ? (number.find() ? "r-" + number.group(1) : prompt) : url;
        SplittableRandom random = new SplittableRandom(seed ^ resource.hashCode() * 0x9E3779B97F4A7C15L
                ^ callsPerResource.merge(resource, 1, Integer::sum) * 0xBF58476D1CE4E5B9L);
        if (random.nextDouble() < faultRate) {
            return fault(random.nextInt(4));
        }
        if (create) {
            long earlier = createdPrompts.stream().filter(prompt::equals).count();
            String id = "video_" + resource.substring(2) + "_" + earlier;
            jobs.put(id, new Job(prompt, 0, prompt.contains("[refuse]")));
            createdPrompts.add(prompt);
            return video(id, jobs.get(id));
        }
        Matcher video = VIDEO.matcher(url);
        if (request.getMethod().getName().equals("GET") && video.matches() && jobs.containsKey(video.group(1))) {
            String id = video.group(1);
            if (video.group(2) != null) {
                return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "video/mp4")
                        .withBody(dev.reelforge.core.testing.Mp4Bytes.clip(8)).build();
            }
            Job job = jobs.computeIfPresent(id, (k, j) -> new Job(j.prompt(), Math.min(j.step() + 1, 2), j.refuse()));
            return video(id, job);
        }
        return new ResponseDefinitionBuilder().withStatus(404)
                .withBody("{\"error\": {\"message\": \"not found\", \"code\": \"not_found\"}}").build();
    }

    synchronized List<String> createdPrompts() {
        return List.copyOf(createdPrompts);
    }

    synchronized int calls() {
        return calls;
    }

    Map<String, Integer> faults() {
        return Map.copyOf(faults);
    }

    private ResponseDefinition fault(int kind) {
        String name = switch (kind) {
            case 0 -> "429";
            case 1 -> "500";
            case 2 -> "garbled";
            default -> "stall";
        };
        faults.merge(name, 1, Integer::sum);
        return switch (kind) {
            case 0 -> new ResponseDefinitionBuilder().withStatus(429).withHeader("Retry-After", "1")
                    .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"code\": \"rate_limit_exceeded\"}}").build();
            case 1 -> new ResponseDefinitionBuilder().withStatus(500)
                    .withBody("{\"error\": {\"message\": \"The server had an error\", \"code\": null}}").build();
            case 2 -> new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"video_0").build();
            default -> new ResponseDefinitionBuilder().withStatus(200).withFixedDelay(stallMillis).withBody("{}").build();
        };
    }

    private ResponseDefinition video(String id, Job job) {
        String status = job.refuse() && job.step() == 2 ? "failed" : STATES[job.step()];
        var body = json.createObjectNode().put("id", id).put("object", "video").put("status", status)
                .put("progress", job.step() * 50).put("model", "sora-2");
        if (status.equals("failed")) {
            body.putObject("error").put("code", "moderation_blocked").put("message", "blocked by moderation");
        }
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("openai-poll-after-ms", "1500").withBody(body.toString()).build();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
