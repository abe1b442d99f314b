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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * JSONPath reads via Jayway on Jackson trees. Results are shared with the source document, so
 * callers must treat them as read-only.
 */
public final class JsonPaths {
    private static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private static final Pattern MEMBERS = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final String[] NOT_SIMPLE = new String[0];
    private static final String[] NONE = new String[0];
    private static final Map<String, String[]> SIMPLE = new ConcurrentHashMap<>();

    private JsonPaths() {}

    /** The value at {@code path}, or empty when the path selects nothing. */
    public static Optional<JsonNode> find(JsonNode document, String path) {
        String[] members = "$".equals(path) ? NONE : members(path);
        if (members != NOT_SIMPLE) {
            return Optional.ofNullable(walk(document, members));
        }
        return jayway(document, path);
    }

    /**
     * As {@link #find}, {@code null} when the path selects nothing (a JSON null is a {@code NullNode}): the hot paths
     * ({@code $}, {@code $.a.b}) allocate nothing.
     */
    static JsonNode findOrNull(JsonNode document, String path) {
        String[] members = "$".equals(path) ? NONE : members(path);
        return members != NOT_SIMPLE
                ? walk(document, members)
                : jayway(document, path).orElse(null);
    }

    private static JsonNode walk(JsonNode document, String[] members) {
        JsonNode node = document;
        for (String member : members) {
            node = node.isObject() ? node.get(member) : null;
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static Optional<JsonNode> jayway(JsonNode document, String path) {
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

    /**
     * The member names of a path made only of {@code .name} steps ({@code $.a.b}), which the engine walks itself as
     * Jayway would (a missing member or a non-object selects nothing), or {@link #NOT_SIMPLE}. The common paths of a
     * definition are few, so the answer is kept per path.
     */
    private static String[] members(String path) {
        String[] cached = SIMPLE.get(path);
        if (cached != null) {
            return cached;
        }
        String[] members = MEMBERS.matcher(path).matches() ? path.substring(2).split("\\.") : NOT_SIMPLE;
        if (SIMPLE.size() < 10_000) {
            SIMPLE.put(path, members);
        }
        return members;
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
