package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/**
 * JSONPath reads via Jayway on Jackson trees. Results are shared with the source document, so
 * callers must treat them as read-only.
 */
public final class JsonPaths {
    private static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private JsonPaths() {}

    /** The value at {@code path}, or empty when the path selects nothing. */
    public static Optional<JsonNode> find(JsonNode document, String path) {
        if ("$".equals(path)) {
            return Optional.of(document);
        }
        try {
            Object value = JsonPath.using(CONFIG).parse(document).read(path);
            if (value == null) {
                return Optional.of(NullNode.getInstance());
            }
            return Optional.of(value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
        } catch (PathNotFoundException e) {
            return indefinite(path) ? Optional.of(Json.MAPPER.createArrayNode()) : Optional.empty();
        } catch (InvalidPathException e) {
            if (e.getClass() == InvalidPathException.class) {
                throw new StatesError(StatesError.RUNTIME, "Invalid JSONPath '" + path + "': " + e.getMessage());
            }
            return Optional.empty();
        } catch (JsonPathException e) {
            return Optional.empty();
        }
    }

    /** A wildcard, slice, filter or deep scan: AWS gives {@code []} where such a path meets a missing field. */
    private static boolean indefinite(String path) {
        try {
            return !JsonPath.compile(path).isDefinite();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Compiles {@code path} to validate its syntax; returns an error message or empty. */
    public static Optional<String> syntaxError(String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.of("'" + path + "' is not a JSONPath");
        }
        try {
            JsonPath.compile(path);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }
}
