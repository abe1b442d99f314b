package dev.reelforge.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.internal.DefinitionParser;
import dev.reelforge.local.engine.internal.Json;
import dev.reelforge.local.engine.internal.StateGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed and validated ASL definition, in JSONPath or JSONata. Immutable and safe to share between
 * concurrent executions; validation happens once here so that runs never meet a malformed graph.
 */
public final class StateMachine {
    private final JsonNode definition;
    private final StateGraph graph;

    private StateMachine(JsonNode definition, StateGraph graph) {
        this.definition = definition;
        this.graph = graph;
    }

    /**
     * @throws UnsupportedFeatureException when AWS would accept the definition but it uses a feature this engine
     *     does not run, naming each such field
     * @throws InvalidDefinitionException listing every problem found, with JSON-pointer locations
     */
    public static StateMachine parse(String aslJson) {
        JsonNode root;
        try {
            root = Json.read(aslJson);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of("INVALID_JSON_DESCRIPTION: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionException(
                    List.of("INVALID_JSON_DESCRIPTION: the definition must be a JSON object"));
        }
        DefinitionParser parser = new DefinitionParser();
        StateGraph graph = parser.definition(root);
        List<String> problems = parser.problems();
        if (!problems.isEmpty()) {
            boolean onlyUnsupported = problems.stream().allMatch(p -> p.startsWith(DefinitionParser.UNSUPPORTED + ":"));
            throw onlyUnsupported
                    ? new UnsupportedFeatureException(problems)
                    : new InvalidDefinitionException(problems);
        }
        return new StateMachine(root, graph);
    }

    public String startAt() {
        return graph.startAt();
    }

    /** Names of the top-level states, in definition order. */
    public Set<String> stateNames() {
        return Set.copyOf(graph.states().keySet());
    }

    /** The top-level TimeoutSeconds, if any. */
    public Optional<Integer> timeoutSeconds() {
        return Optional.ofNullable(graph.timeoutSeconds());
    }

    public Optional<String> comment() {
        return Optional.ofNullable(definition.path("Comment").textValue());
    }

    /** The original definition document (do not mutate). */
    public JsonNode definition() {
        return definition;
    }

    StateGraph graph() {
        return graph;
    }
}
