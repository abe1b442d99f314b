package dev.reelforge.core.request;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.testing.RequestBoundary;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The request boundary under the fuzzer: whatever arrives ends in a request or a rejection naming its field, never
 * an unhandled exception or a storage key outside the tenant's prefix, and an accepted request survives the
 * workflow state ({@link RequestBoundary}). {@code mvn verify} replays the committed inputs under
 * {@code RequestParserFuzzTestInputs/<method>/} (arbitrary text, nesting to 5,000 deep, path-like ids, odd unicode);
 * {@code JAZZER_FUZZ=1} with {@code -Pfuzz} explores one method coverage-guided for its {@code maxDuration}.
 */
class RequestParserFuzzTest {
    private static final RequestBoundary BOUNDARY = new RequestBoundary();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of(
            "tenant",
            "clientRequestId",
            "prompt",
            "audioCues",
            "settings",
            "provider",
            "budgetUsd",
            "maxAttempts",
            "onGiveUp",
            "defects",
            "defectsPersist",
            "review",
            "extra");
    private static final List<String> SETTINGS =
            List.of("aspectRatio", "durationSeconds", "resolution", "fps", "variations", "style", "bogus");
    private static final List<String> NESTED = List.of(
            "provider/name",
            "provider/model",
            "review/thresholds/flicker",
            "review/thresholds/teleportSpike",
            "review/thresholds/bogus",
            "review/bogus");
    private static final List<String> ODD_TEXT = List.of(
            "\u202eevil",
            "ﾃｽﾄ",
            "😀😀😀",
            "a\u0000b",
            "../../etc/passwd",
            "00:99–00:01: x",
            "Audio: boom at 99:99",
            "a\ud800b",
            "\u200b",
            "\u001b[2J",
            "x".repeat(5000),
            "acme",
            "animatic",
            "flicker",
            "9:16",
            "16:9",
            "1080p",
            "fail",
            "accept-best",
            "blur:0.5",
            "audio-offset:-40",
            "thud at 00:04.2");
    private static final List<Double> ODD_NUMBERS = List.of(
            -1e308,
            -1.0,
            -0.0,
            0.0,
            4.999,
            5.0,
            6.0,
            10.0,
            10.0001,
            1e308,
            Double.MIN_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            1000.0,
            1000.01,
            24.0,
            0.5);

    /** Any bytes as the request text, read as UTF-8 the way an HTTP body or an uploaded file is. */
    @FuzzTest(maxDuration = "15m")
    void parse_anyText_endsInARequestOrANamedRejection(byte[] input) {
        BOUNDARY.check(new String(input, StandardCharsets.UTF_8));
    }

    /** A valid request with up to four fields replaced by odd values, removed, or added, as the workflow receives it. */
    @FuzzTest(maxDuration = "3m")
    void parse_mutatedRequest_endsInARequestOrANamedRejection(FuzzedDataProvider data) {
        ObjectNode request = validRequest();
        for (int edits = data.consumeInt(1, 4); edits > 0; edits--) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> request.set(data.pickValue(FIELDS), oddValue(data));
                case 1 -> request.remove(data.pickValue(FIELDS));
                case 2 -> object(request, "settings").set(data.pickValue(SETTINGS), oddValue(data));
                default -> {
                    String[] path = data.pickValue(NESTED).split("/");
                    ObjectNode parent = request;
                    for (int i = 0; i < path.length - 1; i++) {
                        parent = object(parent, path[i]);
                    }
                    parent.set(path[path.length - 1], oddValue(data));
                }
            }
        }
        BOUNDARY.check(request);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }

    private static ObjectNode validRequest() {
        ObjectNode request = NODES.objectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "r-1")
                .put(
                        "prompt",
                        "A heavy 300 g glass jar rolls off a wooden shelf. Camera: locked-off tripod.\n"
                                + "00:00-00:03: it rolls.\n00:03-00:06: it falls and lands.\nAudio: thud at 00:04.2");
        request.putObject("settings").put("durationSeconds", 6).put("aspectRatio", "9:16");
        return request;
    }

    /** Only values a JSON text can carry: {@code 1e400} reads as infinity, but nothing reads as NaN. */
    private static JsonNode oddValue(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 8)) {
            case 0 -> NODES.textNode(data.consumeString(300));
            case 1 -> NODES.textNode(data.pickValue(ODD_TEXT));
            case 2 -> NODES.numberNode(data.pickValue(ODD_NUMBERS));
            case 3 -> NODES.numberNode(data.consumeInt());
            case 4 -> NODES.numberNode(data.consumeRegularDouble());
            case 5 ->
                NODES.numberNode(
                        BigInteger.valueOf(data.consumeLong()).multiply(BigInteger.TEN.pow(data.consumeInt(0, 30))));
            case 6 ->
                data.pickValue(List.of(
                        NODES.nullNode(),
                        NODES.booleanNode(true),
                        NODES.booleanNode(false),
                        NODES.objectNode(),
                        NODES.arrayNode()));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = data.consumeInt(0, 30); i > 0; i--) {
                    array.add(data.consumeBoolean() ? NODES.textNode(data.consumeString(40)) : oddValue(data));
                }
                yield array;
            }
            default -> nested(data.consumeInt(1, 1000), data.consumeBoolean());
        };
    }

    /** Nesting as deep as Jackson reads (1,000); deeper texts are the other method's inputs. */
    private static JsonNode nested(int depth, boolean objects) {
        JsonNode node = NODES.textNode("x");
        for (int i = 0; i < depth; i++) {
            node = objects
                    ? NODES.objectNode().set("a", node)
                    : NODES.arrayNode().add(node);
        }
        return node;
    }
}
