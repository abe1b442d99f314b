package dev.reelforge.local.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's own walk of {@code $.a.b} paths answers as Jayway does for the same path in bracket notation. */
class JsonPathsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":{\"b\":1}}|$.a.b|$['a']['b']",
                "{\"a\":{\"b\":null}}|$.a.b|$['a']['b']",
                "{\"a\":null}|$.a.b|$['a']['b']",
                "{\"a\":[1,2]}|$.a.b|$['a']['b']",
                "{\"a\":\"text\"}|$.a.b|$['a']['b']",
                "[1,2]|$.a|$['a']",
                "{\"x\":1}|$.a|$['a']",
                "{\"a\":{\"b\":{\"c\":[3]}}}|$.a.b|$['a']['b']",
                "{\"_x1\":true}|$._x1|$['_x1']"
            })
    void find_simpleMemberPath_agreesWithJayway(String document, String simple, String bracketed) throws Exception {
        JsonNode doc = Json.read(document);

        assertThat(JsonPaths.find(doc, simple)).isEqualTo(JsonPaths.find(doc, bracketed));
    }
}
