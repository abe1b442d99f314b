package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed state. {@code next} is {@code null} when the state ends its graph. {@code io} is the state's data flow in
 * its query language ({@link Flow}); fields named {@code *Path} belong to JSONPath states and fields of type
 * {@link JsonataTemplate} to JSONata states, the others being {@code null}.
 */
public sealed interface State {
    String name();

    /** AWS event-name prefix, e.g. {@code Task} for TaskStateEntered. */
    String typeName();

    /**
     * @param timeout TimeoutSeconds, TimeoutSecondsPath or a JSONata TimeoutSeconds; {@code null} for none
     * @param heartbeat HeartbeatSeconds in the same forms; only a {@code .waitForTaskToken} Task has one locally
     */
    record Task(
            String name,
            String next,
            Flow io,
            String resource,
            NumberField timeout,
            NumberField heartbeat,
            ErrorHandling errors)
            implements State {
        public String typeName() {
            return "Task";
        }

        /** The callback pattern: the Task waits for SendTaskSuccess/Failure on its {@code $$.Task.Token}. */
        public boolean waitsForToken() {
            return resource != null && resource.endsWith(".waitForTaskToken");
        }
    }

    /** @param result the JSONPath Result field, or {@code null} */
    record Pass(String name, String next, Flow io, JsonNode result) implements State {
        public String typeName() {
            return "Pass";
        }
    }

    /**
     * @param seconds Seconds, SecondsPath or a JSONata Seconds; {@code null} when the state waits for a timestamp
     * @param timestampExpression a JSONata state's Timestamp when it is an expression
     */
    record Wait(
            String name,
            String next,
            Flow io,
            NumberField seconds,
            String timestamp,
            String timestampPath,
            JsonataTemplate timestampExpression)
            implements State {
        public String typeName() {
            return "Wait";
        }
    }

    record Choice(String name, Flow io, List<ChoiceRule.Branch> choices, String defaultNext) implements State {
        public String typeName() {
            return "Choice";
        }
    }

    record Succeed(String name, Flow io) implements State {
        public String typeName() {
            return "Succeed";
        }
    }

    /** @param errorTemplate a JSONata state's Error, a literal or an expression (likewise {@code causeTemplate}) */
    record Fail(
            String name,
            String error,
            String errorPath,
            String cause,
            String causePath,
            JsonataTemplate errorTemplate,
            JsonataTemplate causeTemplate)
            implements State {
        public String typeName() {
            return "Fail";
        }
    }

    record Parallel(String name, String next, Flow io, List<StateGraph> branches, ErrorHandling errors)
            implements State {
        public String typeName() {
            return "Parallel";
        }
    }

    /**
     * @param items a JSONata state's Items (an array or an expression), {@code null} for the state input
     * @param itemSelector the JSONPath ItemSelector (or legacy Parameters) template
     * @param jsonataItemSelector a JSONata state's ItemSelector
     * @param maxConcurrency {@code null} or 0 means unbounded (capped by the engine)
     * @param toleratedFailurePercentage {@code null} when not configured (likewise the count)
     * @param distributed a DISTRIBUTED Map's settings, {@code null} for an INLINE Map
     */
    record Map(
            String name,
            String next,
            Flow io,
            String itemsPath,
            JsonataTemplate items,
            JsonNode itemSelector,
            JsonataTemplate jsonataItemSelector,
            StateGraph processor,
            NumberField maxConcurrency,
            NumberField toleratedFailurePercentage,
            NumberField toleratedFailureCount,
            ErrorHandling errors,
            Distributed distributed)
            implements State {
        public String typeName() {
            return "Map";
        }
    }
}
