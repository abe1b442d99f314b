package dev.reelforge.local.engine;

import java.util.List;

/**
 * Thrown by {@link StateMachine#parse(String)} when a definition would be rejected by AWS with
 * {@code InvalidDefinition}; failing at parse time keeps local runs from diverging from the cloud.
 */
public class InvalidDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("Invalid State Machine Definition: '" + String.join(", ", problems) + "'");
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code CODE: message at /json/pointer}. */
    public List<String> problems() {
        return problems;
    }
}
