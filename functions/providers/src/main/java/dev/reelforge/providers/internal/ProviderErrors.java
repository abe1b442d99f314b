package dev.reelforge.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps a provider's HTTP error to the named error the state machine acts on: 408/429/5xx retry (honouring
 * Retry-After), 401/403 are a deployment problem whatever their text says (a key "blocked" for billing is not a
 * moderation refusal), moderation and policy refusals reject the content, other 4xx are invalid requests. Provider text is cleaned of anything that looks like a request or job id before it reaches
 * a message.
 */
public final class ProviderErrors {
    private static final Pattern MODERATION = Pattern.compile(
            "moderation|content[_ ]?policy|safety|policy[_ ]?violation|blocked|nsfw|inappropriate",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDS = Pattern.compile("\\b(req|video|task|job|sk|key)[-_][A-Za-z0-9_-]{6,}\\b"
            + "|\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"
            + "|\\b[0-9a-fA-F]{16,}\\b|arn:aws[^\\s\"']*");
    private static final int MAX_TEXT = 200;

    private ProviderErrors() {}

    /** The exception for a non-2xx answer to {@code what}; {@code detail} is the provider's error text and code. */
    public static ReelforgeException forStatus(
            String provider, String what, int status, HttpHeaders headers, String detail, Clock clock) {
        String text = clean(detail);
        if (status == 429 || status == 408 || status >= 500) {
            int after = retryAfterSeconds(headers, clock);
            return new ProviderThrottledException(
                    provider + " is " + (status == 429 ? "rate limiting us" : "unavailable") + " (HTTP " + status
                            + ") on " + what
                            + (after > 0 ? "; it asked us to retry in " + after + " s" : "; retrying later"),
                    after);
        }
        if (status == 401 || status == 403) {
            return new ProviderFailedException(provider + " refused our credentials (HTTP " + status + ") on " + what
                    + "; check the deployment's API key for " + provider);
        }
        if (isModeration(detail)) {
            return new ContentRejectedException("the " + provider + " moderation refused this request: " + text
                    + "; rephrase the prompt or remove the reference image");
        }
        return InvalidRequestException.of(
                "provider", provider + " refused " + what + " as invalid (HTTP " + status + "): " + text);
    }

    /**
     * {@code text} with our own credential taken out wherever it appears: gateways and proxies quote the
     * {@code Authorization} header back in error text ("invalid header Bearer …", "key … is blocked"), and that text
     * goes into messages, job records and logs. The id patterns of {@link #clean} catch only keys shaped like
     * {@code sk-…}; this catches the configured key whatever its shape.
     */
    public static String redact(String text, String credential) {
        if (text == null || credential == null || credential.isEmpty()) {
            return text;
        }
        return text.replace(credential, "[our key]");
    }

    public static boolean isModeration(String detail) {
        return detail != null && MODERATION.matcher(detail).find();
    }

    /** The provider's error text without ids, bounded in length. */
    public static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return "no reason given";
        }
        String text = IDS.matcher(detail.strip()).replaceAll("[id]");
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    /** {@code "code: message"} from an OpenAI-style {@code {"error": {...}}} or a fal-style {@code {"detail": ...}}. */
    public static String detail(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText("");
            String message = error.path("message").asText("");
            return code.isEmpty() ? message : code + ": " + message;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode detail = body.path("detail");
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (detail.isArray() && !detail.isEmpty()) {
            return detail.get(0).path("msg").asText(detail.get(0).toString());
        }
        return "";
    }

    /** Retry-After in seconds (delta-seconds or an HTTP date), or 0 when absent or unreadable. */
    public static int retryAfterSeconds(HttpHeaders headers, Clock clock) {
        String value = headers.firstValue("retry-after").orElse("").strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return (int) Math.max(0, Math.min(3600, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at =
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                return (int) Math.max(
                        0,
                        Math.min(
                                3600,
                                Duration.between(clock.instant(), at.toInstant())
                                        .toSeconds()));
            } catch (DateTimeParseException e) {
                return 0;
            }
        }
    }
}
