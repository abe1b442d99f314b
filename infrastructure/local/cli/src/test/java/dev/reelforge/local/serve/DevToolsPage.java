package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.testing.MissingTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless {@code chromium} on one page, driven through the DevTools protocol over the JDK's WebSocket
 * client (no driver binary, no Selenium): {@link #evaluate} runs a script in the page and returns its value.
 * {@code REELFORGE_CHROMIUM} chooses the binary. Without a chromium the calling test fails in CI and is skipped
 * elsewhere ({@link MissingTool}).
 */
final class DevToolsPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private final Process chromium;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private DevToolsPage(Process chromium, WebSocket socket) {
        this.chromium = chromium;
        this.socket = socket;
    }

    static DevToolsPage open(URI page, Path profile) throws IOException, InterruptedException {
        String chosen = System.getenv("REELFORGE_CHROMIUM");
        Path binary = Path.of(chosen == null || chosen.isBlank() ? "/usr/bin/chromium" : chosen);
        if (!Files.isExecutable(binary)) {
            MissingTool.stop("the review page in headless Chromium", binary + " is not installed");
        }
        Process process = new ProcessBuilder(List.of(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--autoplay-policy=no-user-gesture-required",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        page.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        URI browser = listening(process);
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
        String target = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (target == null && Instant.now().isBefore(deadline)) {
            for (JsonNode t :
                    JSON.readTree(http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                            .body())) {
                if (t.path("type").asText().equals("page")) {
                    target = t.path("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(100);
        }
        if (target == null) {
            process.destroyForcibly();
            throw new IOException("chromium opened no page target");
        }
        DevToolsPage[] self = new DevToolsPage[1];
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(target), new Listener(message -> self[0].receive(message)))
                .join();
        self[0] = new DevToolsPage(process, socket);
        return self[0];
    }

    /** The value of {@code expression} (awaited when it is a promise), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        call.putObject("params")
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true);
        socket.sendText(JSON.writeValueAsString(call), true).join();
        JsonNode result = answer.get(30, TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Evaluates {@code expression} until its value satisfies {@code done} (every 200 ms, within {@code limit}). */
    JsonNode await(String expression, Predicate<JsonNode> done, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode value = evaluate(expression);
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after " + limit + ", " + expression + " is still " + value);
            }
            Thread.sleep(200);
            value = evaluate(expression);
        }
        return value;
    }

    private void receive(String message) {
        try {
            JsonNode doc = JSON.readTree(message);
            CompletableFuture<JsonNode> answer =
                    doc.has("id") ? pending.remove(doc.get("id").asInt()) : null;
            if (answer != null) {
                answer.complete(doc.path("result"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("chromium sent something that is not JSON", e);
        }
    }

    private static URI listening(Process process) throws IOException {
        BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // chromium closed its stderr: nothing left to drain
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IOException("chromium exited before it listened for DevTools");
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
    }

    /** Collects a message's frames and hands the whole text on. */
    private static final class Listener implements WebSocket.Listener {
        private final Consumer<String> messages;
        private final StringBuilder text = new StringBuilder();

        Listener(Consumer<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.accept(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
