package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Bad input of every shape must end in a named rejection: never an unhandled exception, never a rejection that
 * does not say which field is wrong, never a storage key outside the tenant's prefix.
 */
class RequestParserPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestParser PARSER = new RequestParser(JSON);
    private static final RequestValidator VALIDATOR =
            new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic"));
    private static final List<String> FIELDS = List.of("tenant", "clientRequestId", "prompt", "audioCues", "settings",
            "provider", "budgetUsd", "maxAttempts", "onGiveUp", "defects", "extra");
    private static final List<String> SETTINGS = List.of("aspectRatio", "durationSeconds", "resolution", "fps",
            "variations", "style", "bogus");

    /** Parses and validates; returns normally or with a named rejection, and fails the property on anything else. */
    private static void parseAndValidate(Object input) {
        Throwable thrown = catchThrowable(() -> {
            RenderRequest request = input instanceof String text ? PARSER.parse(text) : PARSER.parse((JsonNode) input);
            VALIDATOR.validate(request, LocalDate.of(2026, 11, 25));
            StorageKeys.outputPrefix(request.tenant(), "job-1");
        });
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(ReelforgeException.class);
        assertThat(thrown.getMessage()).isNotBlank().doesNotContain("\tat ");
        if (thrown instanceof InvalidRequestException invalid) {
            assertThat(invalid.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isNotBlank());
        }
    }

    @Property(tries = 1000)
    void parse_arbitraryText_endsInANamedRejectionOrARequest(@ForAll String text) {
        parseAndValidate(text);
    }

    @Property(tries = 1000)
    void parse_mutatedRequest_endsInANamedRejectionOrARequest(@ForAll("mutatedRequests") JsonNode request) {
        parseAndValidate(request);
    }

    @Property(tries = 200)
    void parse_deeplyNestedJson_isRejectedWithoutStackOverflow(@ForAll @IntRange(min = 1, max = 5000) int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        parseAndValidate("{\"tenant\":\"acme\",\"clientRequestId\":\"a\",\"prompt\":" + nested + "}");
    }

    @Property(tries = 300)
    void storageKeys_pathLikeTenant_neverEscapeThePrefix(@ForAll("pathLike") String tenant) {
        Throwable thrown = catchThrowable(() -> StorageKeys.clip(tenant, "job", 1, 0));
        if (thrown == null) {
            assertThat(StorageKeys.clip(tenant, "job", 1, 0)).startsWith("clips/" + tenant + "/").doesNotContain("..");
        } else {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> pathLike() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", "../etc", "a/../b", "/abs", "a\\b", "a%2f..", "acme", "a..b", "\u0000x", "ten ant"),
                Arbitraries.strings().withChars("./\\%-_aZ09\u0000\u202e").ofMaxLength(12));
    }

    @Provide
    Arbitrary<JsonNode> mutatedRequests() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> setting = Arbitraries.of(SETTINGS);
        return Combinators.combine(field, setting, oddValues(), oddValues(), Arbitraries.integers().between(0, 3))
                .as((f, s, value, settingValue, mode) -> {
                    ObjectNode request = validRequest();
                    switch (mode) {
                        case 0 -> request.set(f, value);
                        case 1 -> request.remove(f);
                        case 2 -> request.withObject("settings").set(s, settingValue);
                        default -> {
                            request.withObject("settings").set(s, settingValue);
                            request.set(f, value);
                        }
                    }
                    return request;
                });
    }

    private static ObjectNode validRequest() {
        ObjectNode request = JSON.createObjectNode().put("tenant", "acme").put("clientRequestId", "r-1")
                .put("prompt", "A heavy 300 g glass jar rolls off a wooden shelf. Camera: locked-off tripod.\n"
                        + "00:00-00:03: it rolls.\n00:03-00:06: it falls and lands.\nAudio: thud at 00:04.2");
        request.putObject("settings").put("durationSeconds", 6).put("aspectRatio", "9:16");
        return request;
    }

    private static Arbitrary<JsonNode> oddValues() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<JsonNode> strings = Arbitraries.strings().all().ofMaxLength(300).map(nodes::textNode);
        Arbitrary<JsonNode> unicode = Arbitraries.of("\u202eevil", "ﾃｽﾄ", "😀😀😀", "a\u0000b", "../../etc/passwd",
                "00:99–00:01: x", "Audio: boom at 99:99", "x".repeat(5000)).map(nodes::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.of(-1e308, -1.0, 0.0, 4.999, 5.0, 10.0, 10.0001, 1e308, Double.MIN_VALUE)
                .map(nodes::numberNode);
        Arbitrary<JsonNode> integers = Arbitraries.integers().map(nodes::numberNode);
        Arbitrary<JsonNode> scalars = Arbitraries.of(nodes.nullNode(), nodes.booleanNode(true), nodes.objectNode(), nodes.arrayNode());
        Arbitrary<JsonNode> arrays = Arbitraries.strings().ofMaxLength(40).list().ofMaxSize(30).map(items -> {
            ArrayNode array = nodes.arrayNode();
            items.forEach(array::add);
            return array;
        });
        return Arbitraries.oneOf(strings, unicode, numbers, integers, scalars, arrays);
    }
}
