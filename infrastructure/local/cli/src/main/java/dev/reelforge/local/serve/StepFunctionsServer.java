package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of {@link StepFunctionsApi} on 127.0.0.1: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Action>} and an {@code application/x-amz-json-1.0} body, as the AWS SDKs and CLI send it.
 * Signatures are not checked (any credentials work). Errors are HTTP 400 with {@code __type} and
 * {@code x-amzn-ErrorType}; a body over {@value #MAX_BODY_BYTES} bytes is 413 (read and dropped, never held);
 * unexpected failures are 500 {@code InternalServerError}.
 */
public final class StepFunctionsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StepFunctionsServer.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** Larger than any request AWS accepts (a definition is at most 1 MiB, an input 256 KiB), small enough to hold. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final StepFunctionsApi api;
    private final ObjectMapper json;

    private StepFunctionsServer(HttpServer server, ExecutorService workers, StepFunctionsApi api, ObjectMapper json) {
        this.server = server;
        this.workers = workers;
        this.api = api;
        this.json = json;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. Turns on TCP_NODELAY for the JDK's HTTP
     * server unless the user set {@value #NODELAY}: it sends the response headers and body as two small writes, and
     * without it every call waited about 40 ms for the client's delayed ACK (measured: 44 ms a call, 2-5 ms with it).
     */
    public static StepFunctionsServer start(int port, StepFunctionsApi api, ObjectMapper json) {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
                Thread thread = new Thread(r, "sfn-http");
                thread.setDaemon(true);
                return thread;
            });
            StepFunctionsServer sfn = new StepFunctionsServer(server, workers, api, json);
            server.createContext("/", sfn::handle);
            server.setExecutor(workers);
            server.start();
            return sfn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the local Step Functions endpoint on 127.0.0.1:" + port, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                respond(exchange, 400, error("UnknownOperationException", "expected POST with X-Amz-Target: AWSStepFunctions.<Action>"));
                return;
            }
            String action = target.substring(TARGET_PREFIX.length());
            byte[] bytes;
            try (InputStream body = exchange.getRequestBody()) {
                bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    body.transferTo(OutputStream.nullOutputStream());
                    respond(exchange, 413, error("RequestEntityTooLargeException",
                            "the request body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB"));
                    return;
                }
            }
            JsonNode request;
            try {
                request = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (IOException e) {
                respond(exchange, 400, error("SerializationException", "the request body is not JSON"));
                return;
            }
            if (request == null || !request.isObject()) {
                respond(exchange, 400, error("SerializationException", "the request body must be a JSON object"));
                return;
            }
            try {
                respond(exchange, 200, json.writeValueAsBytes(api.call(action, request)));
            } catch (ApiException e) {
                respond(exchange, 400, error(e.type(), e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("{} failed", action, e);
                respond(exchange, 500, error("InternalServerError", String.valueOf(e.getMessage())));
            }
        }
    }

    private ErrorAnswer error(String type, String message) throws IOException {
        return new ErrorAnswer(type, json.writeValueAsBytes(json.createObjectNode().put("__type", type).put("message", message)));
    }

    /** An error answer: its type goes in the body and, as AWS sends it, in {@code x-amzn-ErrorType}. */
    private record ErrorAnswer(String type, byte[] body) {}

    private static void respond(HttpExchange exchange, int status, ErrorAnswer error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
        respond(exchange, status, error.body());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
