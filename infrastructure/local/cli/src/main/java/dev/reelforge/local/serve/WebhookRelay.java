package dev.reelforge.local.serve;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.reelforge.local.runtime.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stands in for the webhook function's URL under {@code reelforge serve}: {@code POST /webhooks/<provider>} becomes
 * the function URL event AWS would deliver (path, method, lower-case headers, the body base64-encoded so the signed
 * bytes stay exact) and goes to the same {@code WebhookHandler}; its answer's status and body are the response.
 * Bodies over {@value #MAX_BODY_BYTES} bytes (a Lambda payload's limit) are refused with 413.
 */
final class WebhookRelay implements HttpHandler {
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private final RequestStreamHandler webhooks;
    private final ObjectMapper json;

    WebhookRelay(RequestStreamHandler webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                respond(exchange, 413, "{\"message\":\"a webhook body may be at most 6 MB\"}");
                return;
            }
            ObjectNode event = json.createObjectNode();
            event.put("rawPath", exchange.getRequestURI().getPath());
            event.putObject("requestContext").putObject("http").put("method", exchange.getRequestMethod());
            ObjectNode headers = event.putObject("headers");
            for (Map.Entry<String, List<String>> h :
                    exchange.getRequestHeaders().entrySet()) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), String.join(",", h.getValue()));
            }
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            webhooks.handleRequest(
                    new ByteArrayInputStream(json.writeValueAsBytes(event)),
                    out,
                    new LocalLambdaContext("reelforge-webhook"));
            JsonNode answer = json.readTree(out.toByteArray());
            respond(
                    exchange,
                    answer.path("statusCode").asInt(500),
                    answer.path("body").asText(""));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
