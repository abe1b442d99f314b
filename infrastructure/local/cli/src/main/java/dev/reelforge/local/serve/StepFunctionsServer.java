package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP face of {@link StepFunctionsApi} on 127.0.0.1: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Action>} and an {@code application/x-amz-json-1.0} body, as the AWS SDKs and CLI send it.
 * Signatures are not checked (any credentials work). Errors are HTTP 400 with {@code __type} and
 * {@code x-amzn-ErrorType}; a body over {@value AwsJsonProtocol#MAX_BODY_BYTES} bytes is 413 (read and dropped, never held);
 * unexpected failures are 500 {@code InternalServerError}.
 */
public final class StepFunctionsServer implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final AwsJsonProtocol protocol;
    private volatile HttpHandler page;

    private StepFunctionsServer(HttpServer server, ExecutorService workers, AwsJsonProtocol protocol) {
        this.server = server;
        this.workers = workers;
        this.protocol = protocol;
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
            StepFunctionsServer sfn = new StepFunctionsServer(server, workers, new AwsJsonProtocol(api, json));
            server.createContext("/", sfn::handle);
            server.setExecutor(workers);
            server.start();
            return sfn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the local Step Functions endpoint on 127.0.0.1:" + port, e);
        }
    }

    /** Serves {@code handler} under {@code path} beside the Step Functions API (e.g. the jobs API under /api/). */
    public void mount(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Answers {@code GET /} with {@code handler} (the review page); every other request to / is the API's. */
    public void servePage(HttpHandler handler) {
        this.page = handler;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        HttpHandler shown = page;
        if (shown != null
                && exchange.getRequestMethod().equals("GET")
                && exchange.getRequestURI().getPath().equals("/")) {
            shown.handle(exchange);
            return;
        }
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            respond(
                    exchange,
                    protocol.answer(
                            exchange.getRequestMethod(),
                            exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                            body));
        }
    }

    private static void respond(HttpExchange exchange, AwsJsonProtocol.Answer answer) throws IOException {
        if (answer.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
