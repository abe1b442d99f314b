package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed state. {@code next} is {@code null} when the state ends its graph. Paths follow the
 * convention of {@link DataFlow}.
 */
public sealed interface State {
    String name();

    /** AWS event-name prefix, e.g. {@code Task} for TaskStateEntered. */
    String typeName();

    record Task(String name, String next, DataFlow io, String resource, Integer timeoutSeconds,
            String timeoutSecondsPath, ErrorHandling errors) implements State {
        public String typeName() { return "Task"; }
    }

    record Pass(String name, String next, DataFlow io, JsonNode result) implements State {
        public String typeName() { return "Pass"; }
    }

    record Wait(String name, String next, DataFlow io, Long seconds, String secondsPath,
            String timestamp, String timestampPath) implements State {
        public String typeName() { return "Wait"; }
    }

    record Choice(String name, DataFlow io, List<ChoiceRule.Branch> choices, String defaultNext)
            implements State {
        public String typeName() { return "Choice"; }
    }

    record Succeed(String name, DataFlow io) implements State {
        public String typeName() { return "Succeed"; }
    }

    record Fail(String name, String error, String errorPath, String cause, String causePath)
            implements State {
        public String typeName() { return "Fail"; }
    }

    record Parallel(String name, String next, DataFlow io, List<StateGraph> branches,
            ErrorHandling errors) implements State {
        public String typeName() { return "Parallel"; }
    }

    /**
     * @param maxConcurrency 0 means unbounded (capped by the engine)
     * @param maxConcurrencyPath reference path to the limit in the state input, or {@code null}
     * @param toleratedFailurePercentage {@code null} when not configured
     */
    record Map(String name, String next, DataFlow io, String itemsPath, JsonNode itemSelector,
            StateGraph processor, int maxConcurrency, String maxConcurrencyPath, Double toleratedFailurePercentage,
            Integer toleratedFailureCount, ErrorHandling errors) implements State {
        public String typeName() { return "Map"; }
    }
}
