package dev.reelforge.providers.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.port.VisualJudge;
import dev.reelforge.core.review.judge.JudgeAnswer;
import dev.reelforge.core.review.judge.JudgeItem;
import dev.reelforge.core.review.judge.JudgePrompt;
import dev.reelforge.core.review.judge.JudgeRequest;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.ProviderHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@link VisualJudge} over any OpenAI-compatible {@code POST /chat/completions} that reads images: one call per clip,
 * the stills as {@code image_url} parts (base64 data URLs, {@code detail: low}), and the answers constrained by a strict
 * {@code json_schema} response format, one object per checklist item. Busy, failing or silent endpoints are
 * {@code ProviderThrottledException} (retry later); refusals, credentials, unknown models and answers off the
 * schema are {@link ProviderFailedException}. Thread-safe.
 */
public final class OpenAiChatJudge implements VisualJudge {
    static final String NAME = "visual judge";
    private static final String SCHEMA_NAME = "reelforge_checklist";

    private final ChatJudgeSettings settings;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Clock clock;

    public OpenAiChatJudge(ChatJudgeSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = new ProviderHttp(
                NAME, ProviderHttp.defaultClient(settings.connectTimeout()), json, settings.requestTimeout());
    }

    @Override
    public List<JudgeAnswer> judge(JudgeRequest request) {
        HttpRequest call = http.request(ProviderHttp.under(settings.baseUrl(), "chat/completions"))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)))
                .build();
        ProviderHttp.Answer answer = http.send(call, "judging a clip");
        if (!answer.ok()) {
            String detail = ProviderErrors.redact(ProviderErrors.detail(answer.jsonOrEmpty()), settings.apiKey());
            if (answer.status() == 429 || answer.status() == 408 || answer.status() >= 500) {
                throw ProviderErrors.forStatus(
                        NAME, "judging a clip", answer.status(), answer.headers(), detail, clock);
            }
            throw new ProviderFailedException(
                    NAME + " refused the request (HTTP " + answer.status() + "): " + ProviderErrors.clean(detail)
                            + "; check the judge's model (" + settings.model() + "), base URL and key");
        }
        return answers(answer.jsonBody(), request.items());
    }

    byte[] body(JudgeRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", JudgePrompt.instructions());
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", JudgePrompt.clipDescription(request));
        Base64.Encoder base64 = Base64.getEncoder();
        for (SampledFrame frame : request.frames()) {
            content.addObject()
                    .put("type", "image_url")
                    .putObject("image_url")
                    .put("url", "data:image/jpeg;base64," + base64.encodeToString(frame.jpeg()))
                    .put("detail", "low");
        }
        ObjectNode format =
                body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        format.put("name", SCHEMA_NAME).put("strict", true).set("schema", schema(request.items()));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"answers": [{item, passed, confidence, reason}]}}, every field required, as strict mode demands. */
    private ObjectNode schema(List<JudgeItem> items) {
        ObjectNode answer = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = answer.putObject("properties");
        ArrayNode names = properties.putObject("item").put("type", "string").putArray("enum");
        items.forEach(i -> names.add(i.wireName()));
        properties.putObject("passed").put("type", "boolean");
        properties.putObject("confidence").put("type", "number");
        properties.putObject("reason").put("type", "string");
        answer.putArray("required").add("item").add("passed").add("confidence").add("reason");
        ObjectNode schema = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties").putObject("answers").put("type", "array").set("items", answer);
        schema.putArray("required").add("answers");
        return schema;
    }

    private List<JudgeAnswer> answers(JsonNode completion, List<JudgeItem> asked) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("refusal").isTextual()
                && !message.path("refusal").asText().isBlank()) {
            throw new ProviderFailedException(NAME + " declined to judge the clip: "
                    + ProviderErrors.clean(message.path("refusal").asText()));
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new ProviderFailedException(NAME + " ran out of tokens before it finished its answer");
        }
        JsonNode document;
        try {
            document = json.readTree(message.path("content").asText(""));
        } catch (JsonProcessingException e) {
            throw new ProviderFailedException(NAME + " answered with text that is not JSON");
        }
        JsonNode list = document == null ? null : document.path("answers");
        if (list == null || !list.isArray()) {
            throw new ProviderFailedException(NAME + " answered without the 'answers' list its schema asks for");
        }
        List<JudgeAnswer> answers = new ArrayList<>();
        for (JsonNode entry : list) {
            String name = entry.path("item").asText("");
            JudgeItem item = JudgeItem.fromWireName(name)
                    .filter(asked::contains)
                    .orElseThrow(() -> new ProviderFailedException(
                            NAME + " answered an item it was not asked: '" + ProviderErrors.clean(name) + "'"));
            if (!entry.path("passed").isBoolean() || !entry.path("confidence").isNumber()) {
                throw new ProviderFailedException(
                        NAME + " answered '" + name + "' without a boolean 'passed' and a numeric 'confidence'");
            }
            double confidence = entry.path("confidence").asDouble();
            if (confidence < 0 || confidence > 1) {
                throw new ProviderFailedException(
                        NAME + " gave '" + name + "' a confidence of " + confidence + ", outside 0–1");
            }
            answers.add(new JudgeAnswer(
                    item,
                    entry.path("passed").asBoolean(),
                    confidence,
                    entry.path("reason").asText("")));
        }
        return answers;
    }
}
