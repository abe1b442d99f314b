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
 * {@code x-amzn-ErrorType}; unexpected failures are 500 {@code InternalServerError}.
 */
public final class StepFunctionsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StepFunctionsServer.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

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

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static StepFunctionsServer start(int port, StepFunctionsApi api, ObjectMapper json) {
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
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                request = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (IOException e) {
                respond(exchange, 400, error("SerializationException", "the request body is not JSON"));
                return;
            }
            try {
                respond(exchange, 200, json.writeValueAsBytes(api.call(action, request)));
            } catch (ApiException e) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", e.type());
                respond(exchange, 400, error(e.type(), e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("{} failed", action, e);
                respond(exchange, 500, error("InternalServerError", String.valueOf(e.getMessage())));
            }
        }
    }

    private byte[] error(String type, String message) throws IOException {
        return json.writeValueAsBytes(json.createObjectNode().put("__type", type).put("message", message));
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
