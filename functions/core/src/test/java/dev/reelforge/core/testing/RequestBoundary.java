package dev.reelforge.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.WellFormedText;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What must hold for every input at the request boundary, shared by the fuzz tests of the parser, the validator and
 * {@code reelforge serve}: an input ends in a request or in a named rejection ({@link InvalidRequestException} or
 * {@link ContentRejectedException}, with a message that is a sentence, not a stack trace); every rejected field is
 * a real place in the document or in the schema ({@code $} only when the document is not a JSON object at all); an
 * accepted request's storage keys stay under its tenant; and the request survives the trip through the workflow
 * state unchanged.
 *
 * <pre>{@code
 * RequestBoundary boundary = new RequestBoundary();
 * boundary.check("{\"tenant\":\"acme\"}");   // fails the test unless it ends in a request or a named rejection
 * }</pre>
 */
public final class RequestBoundary {
    /** The day the validator judges model lifecycles on; fixed, so a run today and a run next year agree. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** The parser refuses texts longer than this whole, before reading them ({@code $} names the document). */
    private static final int MAX_TEXT = 64 * 1024;

    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat [\\w.$/]+\\(|Caused by: |\\bat java\\.|\\bat dev\\.reelforge\\.");
    private static final JsonNode SCHEMA = schema();

    private final ObjectMapper json = new ObjectMapper();
    private final RequestParser parser = new RequestParser(json);
    private final RequestValidator validator;
    private final Set<String> providers;

    /** The validator as a deployment with the animatic provider only. */
    public RequestBoundary() {
        this(Set.of("animatic"));
    }

    /** The validator as a deployment that offers {@code providers}. */
    public RequestBoundary(Set<String> providers) {
        this.providers = Set.copyOf(providers);
        this.validator = new RequestValidator(ContentPolicy.load(json), CapabilityCatalog.bundled(json), providers);
    }

    /** Request text as a caller sends it; returns the accepted request, or {@code null} after a named rejection. */
    public RenderRequest check(String text) {
        return check(() -> parser.parse(text), documentOf(text), text, TODAY);
    }

    /** A request already read as JSON (the execution input's {@code request}). */
    public RenderRequest check(JsonNode document) {
        return check(document, TODAY);
    }

    /** As {@link #check(JsonNode)}, judging the models' lifecycles on {@code today}. */
    public RenderRequest check(JsonNode document, LocalDate today) {
        return check(() -> parser.parse(document), document, "", today);
    }

    private RenderRequest check(Supplier<RenderRequest> parse, JsonNode document, String text, LocalDate today) {
        RenderRequest[] accepted = new RenderRequest[1];
        Throwable thrown = catchThrowable(() -> {
            RenderRequest request = parse.get();
            RequestValidator.Accepted verdict = validator.validate(request, today);
            assertThat(verdict.model().isUsable(today))
                    .as("the chosen model is usable today")
                    .isTrue();
            assertThat(providers)
                    .as("the deployment offers the chosen provider")
                    .contains(verdict.model().provider());
            assertThat(verdict.estimate().usd())
                    .as("the estimate is within the budget")
                    .isLessThanOrEqualTo(request.budgetUsd());
            accepted[0] = request;
        });
        if (thrown instanceof AssertionError broken) {
            throw broken;
        }
        if (thrown != null) {
            assertNamedRejection(thrown, document, text);
            return null;
        }
        assertKeysStayUnder(accepted[0].tenant(), "job-1");
        assertSurvivesTheWorkflowState(accepted[0], document);
        return accepted[0];
    }

    /**
     * The request goes on through the workflow as its JSON: Validate's output carries {@code "request"}, which
     * Submit, ReviewScore and PostProcess parse again from the bytes the Lambda runtime passed along.
     */
    private void assertSurvivesTheWorkflowState(RenderRequest request, JsonNode document) {
        try {
            byte[] state = json.writeValueAsBytes(Map.of("request", document));
            assertThat(parser.parse(json.readTree(state).get("request"))).isEqualTo(request);
        } catch (IOException e) {
            throw new AssertionError("the accepted request cannot be written as workflow state: " + e.getMessage(), e);
        }
    }

    /** The document the parser judges, or {@code null} when the text is no JSON, or too long to be read at all. */
    public JsonNode documentOf(String text) {
        if (text.length() > MAX_TEXT) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * {@code thrown} is a rejection a caller can act on: its type is one the state machine catches, its message a
     * sentence, not a stack trace (unless the input itself carries text like one, which a message may quote), and
     * each problem names a field that is in {@code document} or that the schema declares.
     *
     * @param document the request as JSON, {@code null} when the input did not read as JSON
     * @param text the input as it arrived, or {@code ""} when it arrived as {@code document}
     */
    public static void assertNamedRejection(Throwable thrown, JsonNode document, String text) {
        assertThat(thrown).isInstanceOfAny(InvalidRequestException.class, ContentRejectedException.class);
        assertNotAStackTrace(thrown.getMessage(), document, text);
        if (thrown instanceof InvalidRequestException invalid) {
            assertThat(invalid.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message()).as("the reason for %s", p.field()).isNotBlank();
                assertNamesAField(p.field(), document);
            });
        } else {
            assertNamesAField(
                    thrown.getMessage()
                            .substring(0, Math.max(0, thrown.getMessage().indexOf(": "))),
                    document);
        }
    }

    /** {@code message} is a sentence, with nothing like a stack trace in it unless the input brought it to be quoted. */
    public static void assertNotAStackTrace(String message, JsonNode document, String text) {
        assertThat(message).isNotBlank();
        if (!carries(STACK_TRACE, document, text)) {
            assertThat(message).doesNotContainPattern(STACK_TRACE);
        }
    }

    private static boolean carries(Pattern pattern, JsonNode document, String text) {
        if (pattern.matcher(text).find()) {
            return true;
        }
        Deque<JsonNode> pending = new ArrayDeque<>();
        if (document != null) {
            pending.push(document);
        }
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && pattern.matcher(node.asText()).find()) {
                return true;
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (pattern.matcher(member.getKey()).find()) {
                    return true;
                }
                pending.push(member.getValue());
            }
            if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
        return false;
    }

    /** {@code field} is a JSON path into {@code document} or the schema; {@code $} only for a document that is no object. */
    public static void assertNamesAField(String field, JsonNode document) {
        assertThat(field).isNotBlank();
        boolean wholeDocument = document == null || !document.isObject();
        if (field.equals("$")) {
            assertThat(wholeDocument)
                    .as("'$' names the whole document, but the document is an object: say which field")
                    .isTrue();
            return;
        }
        assertThat(wholeDocument)
                .as("'%s' names a field, but the document is not an object", field)
                .isFalse();
        assertThat(resolves(field, document, SCHEMA))
                .as("'%s' is a field of the document or of the schema", field)
                .isTrue();
    }

    private static boolean resolves(String path, JsonNode doc, JsonNode schema) {
        if (path.isEmpty()) {
            return true;
        }
        int close = path.indexOf(']');
        if (path.startsWith("[")
                && close > 1
                && path.substring(1, close).matches("\\d{1,6}")
                && doc != null
                && doc.isArray()) {
            int index = Integer.parseInt(path.substring(1, close));
            if (index < doc.size()
                    && continues(
                            path.substring(close + 1), doc.get(index), schema == null ? null : schema.get("items"))) {
                return true;
            }
        }
        int quoted = path.indexOf("']");
        if (path.startsWith("['") && quoted >= 2 && doc != null && doc.isObject()) {
            String named = path.substring(2, quoted);
            for (Map.Entry<String, JsonNode> member : doc.properties()) {
                if (WellFormedText.of(member.getKey()).equals(named)
                        && continues(
                                path.substring(quoted + 2),
                                member.getValue(),
                                schema == null
                                        ? null
                                        : schema.path("properties").get(member.getKey()))) {
                    return true;
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        if (doc != null && doc.isObject()) {
            doc.fieldNames().forEachRemaining(keys::add);
        }
        if (schema != null) {
            schema.path("properties").fieldNames().forEachRemaining(keys::add);
        }
        for (String key : keys) {
            String named = WellFormedText.of(key);
            if (path.startsWith(named)
                    && continues(
                            path.substring(named.length()),
                            doc == null ? null : doc.get(key),
                            schema == null ? null : schema.path("properties").get(key))) {
                return true;
            }
        }
        return false;
    }

    private static boolean continues(String rest, JsonNode doc, JsonNode schema) {
        return rest.isEmpty()
                || rest.startsWith("[") && resolves(rest, doc, schema)
                || rest.length() > 1 && rest.startsWith(".") && resolves(rest.substring(1), doc, schema);
    }

    /** Every key the workflow writes for this tenant and job lies under {@code <area>/<tenant>/<job>/}. */
    public static void assertKeysStayUnder(String tenant, String jobId) {
        List<String> keys = List.of(
                StorageKeys.clip(tenant, jobId, 1, 0),
                StorageKeys.outputPrefix(tenant, jobId),
                StorageKeys.report(tenant, jobId),
                StorageKeys.mediaPlan(tenant, jobId),
                StorageKeys.mediaResult(tenant, jobId));
        assertThat(keys).allSatisfy(key -> {
            String[] segments = key.split("/", -1);
            assertThat(segments.length).as(key).isGreaterThanOrEqualTo(4);
            assertThat(segments[1]).as(key).isEqualTo(tenant);
            assertThat(segments[2]).as(key).isEqualTo(jobId);
            assertThat(List.of(segments).subList(0, segments.length - 1))
                    .as(key)
                    .allSatisfy(
                            s -> assertThat(s).isNotEmpty().isNotEqualTo(".").isNotEqualTo(".."));
            assertThat(key)
                    .as(key)
                    .doesNotContain("..")
                    .doesNotContain("\\")
                    .doesNotContain("%")
                    .matches("[\\x21-\\x7e]+");
        });
    }

    private static JsonNode schema() {
        try (InputStream in = RequestParser.class.getResourceAsStream(RequestParser.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
