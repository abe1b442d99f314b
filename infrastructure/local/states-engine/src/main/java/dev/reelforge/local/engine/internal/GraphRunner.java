package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Walks a {@link StateGraph} from StartAt to a terminal state, recording Entered/Exited events
 * around each state. Task, Map and Parallel work is delegated; the simple states live here.
 */
final class GraphRunner {
    private final ExecutionScope scope;
    private final Recovery recovery;
    private final TaskRunner tasks;
    private final FanOutRunner fanOut;

    GraphRunner(ExecutionScope scope) {
        this.scope = scope;
        this.recovery = new Recovery(scope);
        this.tasks = new TaskRunner(scope);
        this.fanOut = new FanOutRunner(scope, this);
    }

    /** Result of one state: where to go next ({@code null} to end the graph) and the output. */
    record Step(String next, JsonNode output) {}

    JsonNode run(StateGraph graph, JsonNode input, Trace trace) {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            scope.checkDeadline(trace);
            Step step = runState(graph.states().get(current), data, trace);
            if (step.next() == null) {
                return step.output();
            }
            current = step.next();
            data = step.output();
        }
    }

    private Step runState(State state, JsonNode input, Trace trace) {
        Instant entered = scope.now();
        ObjectNode enteredDetails = Json.object().put("name", state.name()).put("input", Json.write(input));
        enteredDetails.putObject("inputDetails").put("truncated", false);
        scope.history.record(trace, state.typeName() + "StateEntered", enteredDetails);
        Step step = execute(state, input, entered, trace);
        ObjectNode exited = Json.object().put("name", state.name()).put("output", Json.write(step.output()));
        exited.putObject("outputDetails").put("truncated", false);
        scope.history.record(trace, state.typeName() + "StateExited", exited);
        return step;
    }

    private Step execute(State state, JsonNode input, Instant entered, Trace trace) {
        if (state instanceof State.Pass p) {
            return new Step(p.next(), pass(p, input, context(p, entered)));
        }
        if (state instanceof State.Wait w) {
            return new Step(w.next(), await(w, input, context(w, entered)));
        }
        if (state instanceof State.Choice c) {
            return choice(c, input, context(c, entered));
        }
        if (state instanceof State.Succeed s) {
            return new Step(null, Io.select(s.io().outputPath(), Io.input(s.io(), input), "OutputPath"));
        }
        if (state instanceof State.Fail f) {
            throw fail(f, input, context(f, entered));
        }
        if (state instanceof State.Task t) {
            return recovery.run(t.next(), t.errors(), input, trace,
                    retries -> tasks.run(t, input, scopeFor(t, entered, retries, input), retries, trace));
        }
        if (state instanceof State.Parallel p) {
            return recovery.run(p.next(), p.errors(), input, trace,
                    retries -> fanOut.parallel(p, input, scopeFor(p, entered, retries, input), trace));
        }
        State.Map m = (State.Map) state;
        return recovery.run(m.next(), m.errors(), input, trace,
                retries -> fanOut.map(m, input, scopeFor(m, entered, retries, input), trace));
    }

    private PathScope context(State state, Instant entered) {
        return scopeFor(state, entered, 0, null);
    }

    private PathScope scopeFor(State state, Instant entered, int retries, JsonNode input) {
        return new PathScope(input, scope.stateContext(state.name(), entered, retries), scope.settings.random());
    }

    private JsonNode pass(State.Pass p, JsonNode raw, PathScope context) {
        JsonNode effective = Io.input(p.io(), raw);
        PathScope local = new PathScope(effective, context.context(), context.random());
        JsonNode result = p.result() != null ? p.result() : Io.parameters(p.io(), effective, local);
        return Io.output(p.io(), raw, result, local);
    }

    private JsonNode await(State.Wait w, JsonNode raw, PathScope context) {
        JsonNode effective = Io.input(w.io(), raw);
        Duration delay;
        if (w.seconds() != null || w.secondsPath() != null) {
            long seconds = w.seconds() != null ? w.seconds() : secondsAt(w.secondsPath(), effective);
            delay = Duration.ofSeconds(seconds);
        } else {
            String text = w.timestamp() != null ? w.timestamp() : Io.select(w.timestampPath(), effective, "TimestampPath").asText();
            Instant until = Timestamps.parse(text).orElseThrow(() -> new StatesError(StatesError.RUNTIME,
                    "The TimestampPath value '" + text + "' is not an RFC3339 timestamp"));
            delay = Duration.between(scope.now(), until);
        }
        if (!delay.isNegative() && !delay.isZero()) {
            scope.sleep(delay);
        }
        return Io.select(w.io().outputPath(), effective, "OutputPath");
    }

    private static long secondsAt(String path, JsonNode effective) {
        JsonNode value = Io.select(path, effective, "SecondsPath");
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new StatesError(StatesError.RUNTIME, "The SecondsPath value " + value + " is not a non-negative integer");
        }
        return value.asLong();
    }

    private Step choice(State.Choice c, JsonNode raw, PathScope context) {
        JsonNode effective = Io.input(c.io(), raw);
        PathScope local = new PathScope(effective, context.context(), context.random());
        JsonNode output = Io.select(c.io().outputPath(), effective, "OutputPath");
        for (ChoiceRule.Branch branch : c.choices()) {
            if (ChoiceEvaluator.matches(branch.rule(), local)) {
                return new Step(branch.next(), output);
            }
        }
        if (c.defaultNext() != null) {
            return new Step(c.defaultNext(), output);
        }
        throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
    }

    private StatesError fail(State.Fail f, JsonNode raw, PathScope context) {
        PathScope local = new PathScope(raw, context.context(), context.random());
        String error = f.errorPath() == null ? f.error() : dynamicText(f.errorPath(), local, "ErrorPath");
        String cause = f.causePath() == null ? f.cause() : dynamicText(f.causePath(), local, "CausePath");
        return new StatesError(error, cause);
    }

    private static String dynamicText(String expression, PathScope scope, String field) {
        JsonNode value = PayloadTemplate.resolve(field, expression, scope, field);
        if (!value.isTextual()) {
            throw new StatesError(StatesError.RUNTIME, "The " + field + " '" + expression + "' must resolve to a string");
        }
        return value.textValue();
    }
}
