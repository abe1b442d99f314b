package dev.reelforge.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Shared helpers: JSON parsing, a fixed ARN and one-call execution on a VirtualClock. */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:Clip";

    private Fixtures() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ExecutionResult run(String definition, String input, TaskHandler tasks) {
        return run(definition, input, tasks, new VirtualClock());
    }

    static ExecutionResult run(String definition, String input, TaskHandler tasks, EngineClock clock) {
        return new Engine(tasks, clock).run(StateMachine.parse(definition), ARN, "exec-1", json(input));
    }

    static ExecutionResult run(String definition, String input) {
        return run(definition, input, (resource, in, ctx) -> in);
    }

    static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).toList();
    }
}
