package dev.reelforge.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three paid protocols on one 127.0.0.1 port, each answering as the request's prompt says ({@code leak-<provider>-
 * <scenario>}): {@code ok} (after a 429 and a 5xx on the way, and for fal an expired file URL), {@code 401},
 * {@code 403-blocked} and {@code 400-echo} / {@code 422-echo} (error text that repeats the caller's credentials back,
 * as some gateways do), {@code moderation} (refused at create), {@code failed} (refused while rendering), {@code 5xx}
 * (always) and {@code timeout} (answers after the client gave up); for OpenAI also {@code lost} (the first create is
 * made but answered 502, which the adapter must find with {@code GET /v1/videos}) and {@code corrupt} (the first
 * download is an HTML page with status 200, the second a truncated MP4); for fal {@code lost} (the first submit is
 * queued but answered 502, and the queue cannot be listed). OpenAI Videos under {@code /v1} (and the visual
 * judge's chat completions, which quote their key back for the fal render's clip), the fal queue at
 * the root ({@code Authorization: Key}), Bedrock's StartAsyncInvoke / GetAsyncInvoke (SigV4, any signature), which
 * writes {@code output.mp4} into the bucket's directory as Bedrock writes into S3. Every request's headers are
 * kept, so a test can prove the keys were sent. Thread-safe.
 */
final class FakeVideoProviders implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCENARIO = Pattern.compile("leak-(openai|fal|bedrock)-([a-z0-9-]+)");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(24);
    private final byte[] clip;
    private final String openAiKey;
    private final String falKey;
    private final String judgeKey;
    private final Path bucketDir;
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final Map<String, String> scenarioOfJob = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, ObjectNode> videos = Collections.synchronizedMap(new LinkedHashMap<>());

    FakeVideoProviders(byte[] clip, String openAiKey, String falKey, String judgeKey, Path bucketDir) {
        this.clip = clip;
        this.openAiKey = openAiKey;
        this.falKey = falKey;
        this.judgeKey = judgeKey;
        this.bucketDir = bucketDir;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request as received: method, path and all headers, one line each. */
    String requestLog() {
        return String.join("\n", requestLog);
    }

    private int count(String key) {
        return calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            requestLog.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().entrySet());
            if (path.equals("/v1/chat/completions")) {
                judge(exchange, body);
            } else if (path.startsWith("/v1/videos")) {
                openAi(exchange, path, body);
            } else if (path.startsWith("/async-invoke")) {
                bedrock(exchange, path, body);
            } else if (path.startsWith("/files/")) {
                falFile(exchange, path);
            } else {
                fal(exchange, path, body);
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, Map.of("error", Map.of("message", "fake failed: " + e)), Map.of());
        }
    }

    private static String scenario(JsonNode prompt, String provider) {
        Matcher m = SCENARIO.matcher(prompt.asText(""));
        return m.find() && m.group(1).equals(provider) ? m.group(2) : "ok";
    }

    private void openAi(HttpExchange exchange, String path, byte[] body) throws IOException {
        Map<String, String> requestId = Map.of("x-request-id", "req_" + ids.incrementAndGet());
        if (!("Bearer " + openAiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(
                    exchange,
                    401,
                    Map.of("error", Map.of("message", "no such key", "code", "invalid_api_key")),
                    requestId);
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            String scenario = scenario(JSON.readTree(body).path("prompt"), "openai");
            switch (scenario) {
                case "401" ->
                    reply(
                            exchange,
                            401,
                            error("Incorrect API key provided: " + openAiKey, "invalid_api_key"),
                            requestId);
                case "403-blocked" ->
                    reply(
                            exchange,
                            403,
                            error("The API key " + openAiKey + " is blocked for this organization", "forbidden"),
                            requestId);
                case "400-echo" ->
                    reply(
                            exchange,
                            400,
                            error("Invalid header Authorization: Bearer " + openAiKey, "invalid_request"),
                            requestId);
                case "moderation" ->
                    reply(
                            exchange,
                            400,
                            error("Your request was rejected by our moderation system", "moderation_blocked"),
                            requestId);
                case "5xx" -> reply(exchange, 503, error("The server is overloaded", "server_error"), requestId);
                case "lost" -> {
                    String id = createVideo(body, scenario);
                    if (count("openai-create-lost") == 1) {
                        replyBytes(
                                exchange,
                                502,
                                "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8),
                                "text/html");
                        return;
                    }
                    reply(
                            exchange,
                            200,
                            Map.of("id", id, "object", "video", "status", "queued", "progress", 0),
                            requestId);
                }
                case "timeout" -> {
                    sleep(1500);
                    reply(exchange, 503, error("too late", "server_error"), requestId);
                }
                default -> {
                    if (count("openai-create-" + scenario) == 1) {
                        reply(
                                exchange,
                                429,
                                error("Rate limit reached", "rate_limit_exceeded"),
                                Map.of("Retry-After", "1"));
                        return;
                    }
                    String id = createVideo(body, scenario);
                    reply(
                            exchange,
                            200,
                            Map.of("id", id, "object", "video", "status", "queued", "progress", 0),
                            requestId);
                }
            }
            return;
        }
        if (path.equals("/v1/videos")) {
            List<ObjectNode> newestFirst;
            synchronized (videos) {
                newestFirst = new ArrayList<>(videos.values());
            }
            Collections.reverse(newestFirst);
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false);
            list.putArray("data").addAll(newestFirst);
            replyBytes(exchange, 200, JSON.writeValueAsBytes(list), "application/json");
            return;
        }
        Matcher m = Pattern.compile("/v1/videos/([\\w-]+)(/content)?").matcher(path);
        if (!m.matches()) {
            reply(exchange, 404, error("not found", "not_found"), requestId);
        } else if (m.group(2) != null
                && "corrupt".equals(scenarioOfJob.get(m.group(1)))
                && count("openai-download-" + m.group(1)) <= 2) {
            if (calls.get("openai-download-" + m.group(1)).get() == 1) {
                replyBytes(
                        exchange,
                        200,
                        "<!DOCTYPE html><html><body>upstream error</body></html>".getBytes(StandardCharsets.UTF_8),
                        "text/html");
            } else {
                replyBytes(exchange, 200, Arrays.copyOf(clip, clip.length / 2), "video/mp4");
            }
        } else if (m.group(2) != null) {
            replyBytes(exchange, 200, clip, "video/mp4");
        } else if (count("openai-status-" + m.group(1)) == 1) {
            reply(exchange, 500, error("server error", "server_error"), requestId);
        } else if ("failed".equals(scenarioOfJob.get(m.group(1)))) {
            reply(
                    exchange,
                    200,
                    Map.of(
                            "id",
                            m.group(1),
                            "object",
                            "video",
                            "status",
                            "failed",
                            "error",
                            Map.of("code", "moderation_blocked", "message", "The video was blocked by moderation")),
                    requestId);
        } else {
            reply(
                    exchange,
                    200,
                    Map.of("id", m.group(1), "object", "video", "status", "completed", "progress", 100),
                    Map.of("openai-poll-after-ms", "1000", "x-request-id", "req_" + ids.incrementAndGet()));
        }
    }

    /** A new video for a create: kept with what it was asked for, as {@code GET /v1/videos} lists it. */
    private String createVideo(byte[] body, String scenario) throws IOException {
        JsonNode request = JSON.readTree(body);
        String id = "video_leak" + ids.incrementAndGet();
        scenarioOfJob.put(id, scenario);
        count("openai-created-" + scenario);
        ObjectNode video = JSON.createObjectNode()
                .put("id", id)
                .put("object", "video")
                .put("status", "queued")
                .put("created_at", Instant.now().getEpochSecond())
                .put("model", request.path("model").asText())
                .put("size", request.path("size").asText())
                .put("seconds", request.path("seconds").asText())
                .put("prompt", request.path("prompt").asText());
        video.putNull("remixed_from_video_id");
        videos.put(id, video);
        return id;
    }

    /** How many requests the fal queue accepted for the {@code lost} scenario, the one whose first reply was lost. */
    int falLostCreates() {
        AtomicInteger created = calls.get("fal-created-lost");
        return created == null ? 0 : created.get();
    }

    /** How many videos the OpenAI protocol created for a scenario (what the provider would bill). */
    int openAiCreates(String scenario) {
        AtomicInteger created = calls.get("openai-created-" + scenario);
        return created == null ? 0 : created.get();
    }

    /**
     * The visual judge's chat completions: for the fal render's clip an error that quotes the judge's key back, for
     * the others a passing answer to every item the request's schema lists.
     */
    private void judge(HttpExchange exchange, byte[] body) throws IOException {
        if (!("Bearer " + judgeKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, error("no such key", "invalid_api_key"), Map.of());
            return;
        }
        JsonNode request = JSON.readTree(body);
        if (request.toString().contains("leak-fal-ok")) {
            reply(
                    exchange,
                    400,
                    error("Invalid header Authorization: Bearer " + judgeKey, "invalid_request"),
                    Map.of());
            return;
        }
        ObjectNode answers = JSON.createObjectNode();
        var list = answers.putArray("answers");
        request.path("response_format")
                .path("json_schema")
                .path("schema")
                .path("properties")
                .path("answers")
                .path("items")
                .path("properties")
                .path("item")
                .path("enum")
                .forEach(item -> list.addObject()
                        .put("item", item.asText())
                        .put("passed", true)
                        .put("confidence", 0.9)
                        .put("reason", "looks right"));
        ObjectNode completion =
                JSON.createObjectNode().put("id", "chatcmpl-leak").put("object", "chat.completion");
        ObjectNode choice =
                completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", answers.toString())
                .putNull("refusal");
        reply(exchange, 200, completion, Map.of("x-request-id", "req_judge_" + ids.incrementAndGet()));
    }

    private void fal(HttpExchange exchange, String path, byte[] body) throws IOException {
        Map<String, String> requestId = Map.of("x-fal-request-id", "fal-req-" + ids.incrementAndGet());
        if (!("Key " + falKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, Map.of("detail", "bad key"), requestId);
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            String scenario = scenario(JSON.readTree(body).path("prompt"), "fal");
            switch (scenario) {
                case "401" -> reply(exchange, 401, Map.of("detail", "Invalid key " + falKey), requestId);
                case "422-echo" ->
                    reply(
                            exchange,
                            422,
                            Map.of(
                                    "detail",
                                    List.of(Map.of(
                                            "msg",
                                            "Authorization 'Key " + falKey + "' may not call this app",
                                            "type",
                                            "value_error"))),
                            requestId);
                case "5xx" -> reply(exchange, 502, Map.of("detail", "bad gateway"), requestId);
                case "lost" -> {
                    String id = String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet());
                    scenarioOfJob.put(id, scenario);
                    count("fal-created-lost");
                    if (count("fal-create-lost") == 1) {
                        reply(exchange, 502, Map.of("detail", "bad gateway"), requestId);
                        return;
                    }
                    String url = endpoint() + path + "/requests/" + id;
                    reply(
                            exchange,
                            200,
                            Map.of("request_id", id, "response_url", url, "status_url", url + "/status"),
                            requestId);
                }
                default -> {
                    if (count("fal-create-" + scenario) == 1) {
                        reply(exchange, 429, Map.of("detail", "slow down"), Map.of("Retry-After", "1"));
                        return;
                    }
                    String id = String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet());
                    scenarioOfJob.put(id, scenario);
                    String url = endpoint() + path + "/requests/" + id;
                    reply(
                            exchange,
                            200,
                            Map.of("request_id", id, "response_url", url, "status_url", url + "/status"),
                            requestId);
                }
            }
            return;
        }
        Matcher m = Pattern.compile("/([\\w.-]+/[\\w.-]+)/requests/([\\w-]+)(/status)?")
                .matcher(path);
        if (!m.matches()) {
            reply(exchange, 404, Map.of("detail", "not found"), requestId);
        } else if (m.group(3) != null && count("fal-status-" + m.group(2)) == 1) {
            reply(exchange, 500, Map.of("detail", "internal"), requestId);
        } else if (m.group(3) != null && "moderation".equals(scenarioOfJob.get(m.group(2)))) {
            reply(
                    exchange,
                    200,
                    Map.of("status", "COMPLETED", "error", "content policy violation: the output was flagged"),
                    requestId);
        } else if (m.group(3) != null) {
            reply(exchange, 200, Map.of("status", "COMPLETED"), requestId);
        } else {
            reply(
                    exchange,
                    200,
                    Map.of("video", Map.of("url", endpoint() + "/files/" + m.group(2) + ".mp4")),
                    requestId);
        }
    }

    private void falFile(HttpExchange exchange, String path) throws IOException {
        if (count("fal-file-" + path) == 1) {
            reply(exchange, 403, Map.of("detail", "expired"), Map.of());
        } else {
            replyBytes(exchange, 200, clip, "video/mp4");
        }
    }

    private void bedrock(HttpExchange exchange, String path, byte[] body) throws IOException {
        Map<String, String> requestId =
                Map.of("x-amzn-RequestId", "9b1e7c2d-0000-4000-8000-" + String.format("%012d", ids.incrementAndGet()));
        if (exchange.getRequestMethod().equals("POST")) {
            JsonNode start = JSON.readTree(body);
            String scenario = scenario(start.path("modelInput").path("prompt"), "bedrock");
            switch (scenario) {
                case "403" ->
                    awsError(
                            exchange,
                            403,
                            "AccessDeniedException",
                            "User is not authorized to perform: bedrock:InvokeModel");
                case "filter" ->
                    awsError(
                            exchange,
                            400,
                            "ValidationException",
                            "This request has been blocked by our content filters.");
                case "5xx" -> awsError(exchange, 503, "ServiceUnavailableException", "Service unavailable");
                default -> {
                    if (count("bedrock-create-" + scenario) == 1) {
                        awsError(
                                exchange,
                                429,
                                "ThrottlingException",
                                "Too many requests, please wait before trying again.");
                        return;
                    }
                    String id = String.format("leak%08d", ids.incrementAndGet());
                    String arn = "arn:aws:bedrock:us-east-1:123456789012:async-invoke/" + id;
                    scenarioOfJob.put(arn, scenario);
                    scenarioOfJob.put(
                            "prefix:" + arn,
                            start.path("outputDataConfig")
                                    .path("s3OutputDataConfig")
                                    .path("s3Uri")
                                    .asText());
                    reply(exchange, 200, Map.of("invocationArn", arn), requestId);
                }
            }
            return;
        }
        String arn = URLDecoder.decode(path.substring("/async-invoke/".length()), StandardCharsets.UTF_8);
        String prefix = scenarioOfJob.getOrDefault("prefix:" + arn, "s3://reelforge-clips/provider-output/bedrock");
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        ObjectNode answer = JSON.createObjectNode()
                .put("invocationArn", arn)
                .put("modelArn", "arn:aws:bedrock:us-east-1::foundation-model/luma.leak-v1:0")
                .put("submitTime", "2026-12-01T10:00:00Z");
        answer.putObject("outputDataConfig")
                .putObject("s3OutputDataConfig")
                .put("s3Uri", prefix.replaceAll("/+$", "") + "/" + id);
        if ("failed".equals(scenarioOfJob.get(arn))) {
            answer.put("status", "Failed").put("failureMessage", "The generated video was blocked by content filters.");
        } else if (count("bedrock-get-" + arn) == 1) {
            answer.put("status", "InProgress");
        } else {
            Path out = bucketDir
                    .resolve(URI.create(prefix).getPath().replaceFirst("^/+", ""))
                    .resolve(id)
                    .resolve("output.mp4");
            Files.createDirectories(out.getParent());
            Files.write(out, clip);
            answer.put("status", "Completed").put("endTime", "2026-12-01T10:01:00Z");
        }
        reply(exchange, 200, answer, requestId);
    }

    private static Map<String, Object> error(String message, String code) {
        return Map.of("error", Map.of("message", message, "code", code, "type", "invalid_request_error"));
    }

    private static void awsError(HttpExchange exchange, int status, String type, String message) throws IOException {
        reply(
                exchange,
                status,
                Map.of("message", message),
                Map.of("x-amzn-ErrorType", type, "x-amzn-RequestId", "9b1e7c2d-0000-4000-8000-000000000001"));
    }

    private static void reply(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        replyBytes(exchange, status, JSON.writeValueAsBytes(body), "application/json");
    }

    private static void replyBytes(HttpExchange exchange, int status, byte[] bytes, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
