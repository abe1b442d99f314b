package dev.reelforge.core.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.InvalidRequestException.Problem;
import dev.reelforge.core.request.RenderRequest.GiveUpPolicy;
import dev.reelforge.core.request.RenderRequest.ProviderChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns request JSON into a {@link RenderRequest}: the JSON Schema in the repository is the contract (unknown
 * fields and out-of-range values are refused there, with the field's path), then the prompt's beats and cues are
 * parsed against the requested duration. Every problem names its field; nothing is half-accepted. Thread-safe.
 */
public final class RequestParser {
    /** Classpath location of the request schema, published in the repository for API callers. */
    public static final String SCHEMA_RESOURCE = "/dev/reelforge/core/render-request.schema.json";

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final String DEFAULT_PROVIDER = "animatic";

    private final ObjectMapper json;
    private final JsonSchema schema;
    private final StoryboardParser storyboards = new StoryboardParser();

    public RequestParser(ObjectMapper json) {
        this.json = json;
        try (InputStream in = RequestParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .pathType(PathType.LEGACY)
                                    .regularExpressionFactory(new EcmaPatterns())
                                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("request schema missing from the classpath", e);
        }
    }

    public RenderRequest parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.of("$", "the request is empty; send a JSON object");
        }
        if (text.length() > MAX_REQUEST_BYTES) {
            throw InvalidRequestException.of("$", "the request is larger than " + MAX_REQUEST_BYTES / 1024 + " KiB");
        }
        try {
            return parse(json.readTree(text));
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage()
                    .replaceAll("\\s*\\(start marker at .*$", "")
                    .replaceAll("\\R.*", "");
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw InvalidRequestException.of("$", "not valid JSON" + where + ": " + reason);
        }
    }

    public RenderRequest parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("$", "the request must be a JSON object");
        }
        List<Problem> problems = numbersBeyondDouble(node);
        if (problems.isEmpty()) {
            problems = schemaProblems(node);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        RenderSettings settings = settings(node.path("settings"));
        List<String> cues = new ArrayList<>();
        node.path("audioCues").forEach(c -> cues.add(c.asText()));
        StoryboardParser.Result storyboard =
                storyboards.parse(node.get("prompt").asText(), cues, settings.durationSeconds(), settings.fps());
        if (!storyboard.problems().isEmpty()) {
            throw new InvalidRequestException(storyboard.problems());
        }
        List<String> defects = new ArrayList<>();
        node.path("defects").forEach(d -> defects.add(d.asText()));
        JsonNode provider = node.path("provider");
        return new RenderRequest(
                node.get("tenant").asText(),
                node.get("clientRequestId").asText(),
                node.get("prompt").asText().strip(),
                storyboard.storyboard(),
                settings,
                new ProviderChoice(
                        provider.path("name").asText(DEFAULT_PROVIDER),
                        provider.path("model").asText("")),
                node.path("budgetUsd").asDouble(5),
                node.path("maxAttempts").asInt(3),
                GiveUpPolicy.fromLabel(node.path("onGiveUp").asText(GiveUpPolicy.ACCEPT_BEST.label())),
                defects,
                node.path("defectsPersist").asBoolean(false),
                reviewThresholds(node.path("review").path("thresholds")),
                ReferenceSource.fromJson(node.get("referenceImage")),
                node.path("continuous").asBoolean(false),
                node.path("lastFrame").asText(""),
                guides(node.path("referenceImages")));
    }

    private static List<RenderRequest.GuideReference> guides(JsonNode images) {
        List<RenderRequest.GuideReference> guides = new ArrayList<>();
        images.forEach(i -> guides.add(new RenderRequest.GuideReference(
                i.path("image").asText(), i.path("type").asText("asset"))));
        return guides;
    }

    private static Map<String, Double> reviewThresholds(JsonNode thresholds) {
        Map<String, Double> overrides = new LinkedHashMap<>();
        thresholds
                .properties()
                .forEach(e -> overrides.put(e.getKey(), e.getValue().asDouble()));
        return overrides;
    }

    /**
     * Jackson reads a literal beyond the double range ({@code 1e400}) as infinity, which JSON cannot carry on:
     * Validate's output wrote it as the string {@code "Infinity"}, and Submit then refused the request it had
     * accepted. The schema cannot judge such a document either (its {@code enum} check threw on infinity), so these
     * problems come first and alone.
     */
    private static List<Problem> numbersBeyondDouble(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>(List.of(Map.entry("", node)));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonNode> next = pending.pop();
            String path = next.getKey();
            JsonNode value = next.getValue();
            if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
                problems.add(new Problem(
                        path, "the number is beyond what a double holds (about 1.8e308); write a smaller one"));
            }
            value.properties()
                    .forEach(f -> pending.push(
                            Map.entry(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue())));
            for (int i = 0; value.isArray() && i < value.size(); i++) {
                pending.push(Map.entry(path + "[" + i + "]", value.get(i)));
            }
        }
        return problems;
    }

    private List<Problem> schemaProblems(JsonNode node) {
        return schema.validate(node).stream()
                .sorted(Comparator.comparing(
                        (ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(RequestParser::problem)
                .toList();
    }

    private static Problem problem(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String field = location.equals("$") ? "" : location.substring(2);
        String property = message.getProperty();
        if (property != null
                && ("additionalProperties".equals(message.getType()) || "required".equals(message.getType()))) {
            field = property.isBlank()
                    ? field + "['" + property + "']"
                    : field.isEmpty() ? property : field + "." + property;
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        String reason = colon >= 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
        return new Problem(field.isEmpty() ? "$" : field, reason);
    }

    private static RenderSettings settings(JsonNode s) {
        return new RenderSettings(
                AspectRatio.fromLabel(s.path("aspectRatio").asText("9:16")),
                s.path("durationSeconds").asDouble(6),
                Resolution.fromLabel(s.path("resolution").asText("720p")),
                s.path("fps").asInt(24),
                s.path("variations").asInt(1),
                s.path("style").asText("photoreal"));
    }
}
