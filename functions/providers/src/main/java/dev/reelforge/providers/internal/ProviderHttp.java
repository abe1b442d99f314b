package dev.reelforge.providers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ProviderThrottledException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's HTTP calls: a request timeout on every call, transport failures and unreadable bodies turned into
 * {@link ProviderThrottledException} (the state machine retries those), and the provider's request id logged for
 * support, never put into an exception message. Thread-safe.
 */
public final class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    private final String provider;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    public ProviderHttp(String provider, HttpClient client, ObjectMapper json, Duration timeout) {
        this.provider = provider;
        this.client = client;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * The credential as an adapter keeps it: surrounding whitespace dropped (a secret stored from a file keeps its
     * trailing newline), and refused, without repeating it, when it holds a character an HTTP header cannot carry:
     * the JDK's own refusal quotes the whole header value, key included, into the exception message.
     */
    public static String headerSafeCredential(String provider, String credential) {
        if (credential == null || credential.isBlank()) {
            throw new IllegalArgumentException("the " + provider + " adapter needs an API key");
        }
        String key = credential.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("the " + provider
                        + " API key holds a character no HTTP header may carry (at "
                        + "position " + (i + 1) + " of " + key.length() + ", U+" + String.format("%04X", (int) c)
                        + "); check the value of the secret or variable it comes from");
            }
        }
        return key;
    }

    /**
     * {@code path} under a configured API root, however many slashes the user's URL ends with or the path starts
     * with: {@code https://gw.example/v1/} and {@code /videos} give {@code https://gw.example/v1/videos}.
     */
    public static URI under(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + path.replaceFirst("^/+", ""));
    }

    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    /** Sends a request whose answer is JSON (or an error document); the body is read whole. */
    public Answer send(HttpRequest request, String what) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), what);
        return new Answer(response.statusCode(), response.headers(), response.body(), json, provider, what);
    }

    /**
     * Sends a request that starts a paid job. A timeout or a broken connection after the request went out is
     * {@link AmbiguousCreateException} (the provider may have started the job); a connection that was never made is
     * an ordinary retryable fault. The answer itself the caller classifies with {@link Answer#ambiguous()}.
     */
    public Answer sendCreate(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            logRequestId(response, what);
            return new Answer(response.statusCode(), response.headers(), response.body(), json, provider, what);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderThrottledException(provider + " could not be reached for " + what + " ("
                    + e.getClass().getSimpleName() + "); retrying later");
        } catch (HttpTimeoutException e) {
            throw new AmbiguousCreateException(
                    provider + " did not answer " + what + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new AmbiguousCreateException(
                    provider + " broke off the " + what + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmbiguousCreateException(provider + " call " + what + " was interrupted");
        }
    }

    /** Sends a request whose answer is streamed (a video file); the caller closes the body. */
    public HttpResponse<InputStream> stream(HttpRequest request, String what) {
        return exchange(request, HttpResponse.BodyHandlers.ofInputStream(), what);
    }

    private void logRequestId(HttpResponse<?> response, String what) {
        response.headers()
                .firstValue("x-request-id")
                .or(() -> response.headers().firstValue("x-fal-request-id"))
                .ifPresent(id -> log.info(
                        "{} {} -> HTTP {} (provider request id {})", provider, what, response.statusCode(), id));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            HttpResponse<T> response = client.send(request, handler);
            logRequestId(response, what);
            return response;
        } catch (HttpTimeoutException e) {
            throw new ProviderThrottledException(
                    provider + " did not answer " + what + " within " + timeout.toMillis() + " ms; retrying later");
        } catch (IOException e) {
            throw new ProviderThrottledException(provider + " could not be reached for " + what + " ("
                    + e.getClass().getSimpleName() + "); retrying later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderThrottledException(provider + " call " + what + " was interrupted; retrying later");
        }
    }

    /** A provider's answer, read whole. */
    /** A JSON body for a request; an ObjectNode always serialises. */
    public byte[] jsonBytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object always serialises", e);
        }
    }

    /** Closes an answer whose body is not read (an error status), so its connection is released. */
    public static void discard(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing left to read from an error answer
        }
    }

    public record Answer(
            int status, HttpHeaders headers, byte[] body, ObjectMapper json, String provider, String what) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** Why {@link #ambiguous()} holds, in words for a job record. */
        public String ambiguityReason() {
            return ok()
                    ? provider + " answered " + what + " with an unreadable body (HTTP " + status + ")"
                    : provider + " is unavailable (HTTP " + status + ") on " + what;
        }

        /** A create answered like this may have started a job: 408, 5xx, or a 2xx whose body is not a JSON object. */
        public boolean ambiguous() {
            if (status == 408 || status >= 500) {
                return true;
            }
            if (!ok()) {
                return false;
            }
            try {
                JsonNode node = json.readTree(body);
                return node == null || !node.isObject();
            } catch (IOException e) {
                return true;
            }
        }

        /** The body as JSON; an unreadable body is a transient fault (a proxy's error page, a cut connection). */
        public JsonNode jsonBody() {
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new IOException("not a JSON object");
                }
                return node;
            } catch (IOException e) {
                throw new ProviderThrottledException(provider + " answered " + what + " with an unreadable body (HTTP "
                        + status + "); retrying later");
            }
        }

        /** The body as JSON when it is readable, else an empty object (error documents are best effort). */
        public JsonNode jsonOrEmpty() {
            try {
                JsonNode node = json.readTree(body);
                return node == null ? json.createObjectNode() : node;
            } catch (IOException e) {
                return json.createObjectNode();
            }
        }
    }
}
