package dev.reelforge.local.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The review page at {@code GET /}: one self-contained HTML file (no CDN, no front-end dependency) that lists the
 * jobs with live status, plays a job's renditions, shows its request, review and attempts, and sends Approve,
 * Reject and Request changes to the jobs API. Everything from a request is inserted as text (textContent), never as
 * markup; the Content-Security-Policy allows only this page's own script and the same origin.
 */
final class ReviewPage implements HttpHandler {
    private static final String RESOURCE = "/serve/review-page.html";
    private final byte[] page;

    ReviewPage() {
        try (InputStream in = ReviewPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the review page " + RESOURCE + " is not on the classpath");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }
}
