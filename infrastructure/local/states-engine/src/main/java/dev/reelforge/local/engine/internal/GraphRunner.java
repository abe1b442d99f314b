package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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

    /** A state being run: when it was entered, as the event id AWS quotes in error causes, and its variables. */
    record Entry(State state, Instant time, long eventId, Variables variables) {}

    JsonNode run(StateGraph graph, JsonNode input, Variables variables, Trace trace) {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            scope.checkDeadline(trace);
            Step step = runState(graph.states().get(current), data, variables, trace);
            if (step.next() == null) {
                return step.output();
            }
            current = step.next();
            data = step.output();
        }
    }

    /** Runs one state between its Entered and Exited events; Exited lists the variables it assigned, as on AWS. */
    private Step runState(State state, JsonNode input, Variables variables, Trace trace) {
        Instant entered = scope.now();
        boolean keep = scope.history.keeps();
        ObjectNode enteredDetails = null;
        if (keep) {
            enteredDetails = Json.object().put("name", state.name()).put("input", Json.writeRecent(input));
            enteredDetails.putObject("inputDetails").put("truncated", false);
        }
        long eventId = keep
                ? scope.history.record(trace, state.typeName() + "StateEntered", enteredDetails)
                : scope.history.count(trace);
        Entry entry = new Entry(state, entered, eventId, variables);
        Step step;
        try {
            step = execute(state, input, entry, trace);
        } catch (StatesError e) {
            throw e.located(state.name(), eventId);
        }
        Map<String, JsonNode> assigned = variables.takeAssigned();
        if (!keep) {
            scope.history.count(trace);
            return step;
        }
        ObjectNode exited = Json.object().put("name", state.name()).put("output", Json.writeRecent(step.output()));
        exited.putObject("outputDetails").put("truncated", false);
        if (!assigned.isEmpty()) {
            ObjectNode recorded = exited.putObject("assignedVariables");
            assigned.forEach((name, value) -> recorded.put(name, Json.write(value)));
            exited.putObject("assignedVariablesDetails").put("truncated", false);
        }
        scope.history.record(trace, state.typeName() + "StateExited", exited);
        return step;
    }

    private Step execute(State state, JsonNode input, Entry entry, Trace trace) {
        if (state instanceof State.Pass p) {
            return new Step(p.next(), pass(p, input, scopeFor(entry, input)));
        }
        if (state instanceof State.Wait w) {
            return new Step(w.next(), await(w, input, scopeFor(entry, input)));
        }
        if (state instanceof State.Choice c) {
            return choice(c, input, scopeFor(entry, input));
        }
        if (state instanceof State.Succeed s) {
            PathScope local = scopeFor(entry, input);
            return new Step(null, Io.output(s.io(), input, Io.input(s.io(), input, local), null, local));
        }
        if (state instanceof State.Fail f) {
            throw fail(f, input, scopeFor(entry, input));
        }
        if (state instanceof State.Task t) {
            return recovery.run(
                    entry,
                    scopeFor(entry, input),
                    t.next(),
                    t.errors(),
                    trace,
                    retries -> tasks.run(t, input, scopeFor(entry, input), retries, trace));
        }
        if (state instanceof State.Parallel p) {
            return recovery.run(
                    entry,
                    scopeFor(entry, input),
                    p.next(),
                    p.errors(),
                    trace,
                    retries -> fanOut.parallel(p, input, scopeFor(entry, input), entry.variables(), trace));
        }
        State.Map m = (State.Map) state;
        return recovery.run(
                entry,
                scopeFor(entry, input),
                m.next(),
                m.errors(),
                trace,
                retries -> fanOut.map(m, input, scopeFor(entry, input), entry.variables(), trace));
    }

    PathScope scopeFor(Entry entry, JsonNode input) {
        return new PathScope(
                input,
                () -> scope.stateContext(entry.state().name(), entry.time()),
                scope.settings.random(),
                entry.variables(),
                scope.settings.clock());
    }

    private JsonNode pass(State.Pass p, JsonNode raw, PathScope context) {
        if (p.io() instanceof JsonataFlow) {
            return Io.output(p.io(), raw, raw, null, context);
        }
        JsonNode effective = Io.input(p.io(), raw, context);
        JsonNode result = p.result() != null ? p.result() : Io.arguments(p.io(), raw, effective, context);
        return Io.output(p.io(), raw, effective, result, context);
    }

    private JsonNode await(State.Wait w, JsonNode raw, PathScope context) {
        JsonNode effective = Io.input(w.io(), raw, context);
        Duration delay;
        if (w.seconds() != null) {
            delay = Duration.ofSeconds(w.seconds().whole(effective, raw, context, 0));
        } else {
            boolean expression = w.timestampExpression() != null;
            String text = w.timestamp() != null
                    ? w.timestamp()
                    : expression
                            ? w.timestampExpression()
                                    .evaluate(JsonataBindings.ofInput(raw, context), "Timestamp")
                                    .asText()
                            : Io.select(w.timestampPath(), effective, context, "TimestampPath")
                                    .asText();
            String field = w.timestampPath() != null ? "TimestampPath" : "Timestamp";
            Instant until = Timestamps.parse(text)
                    .orElseThrow(() -> new StatesError(
                            expression ? StatesError.QUERY_EVALUATION : StatesError.RUNTIME,
                            "The " + field + " value '" + text + "' is not an RFC3339 timestamp"));
            delay = Duration.between(scope.now(), until);
        }
        if (!delay.isNegative() && !delay.isZero()) {
            scope.sleep(delay);
        }
        return Io.output(w.io(), raw, effective, null, context);
    }

    private Step choice(State.Choice c, JsonNode raw, PathScope context) {
        JsonNode effective = Io.input(c.io(), raw, context);
        PathScope local = context.withInput(effective);
        for (ChoiceRule.Branch branch : c.choices()) {
            if (ChoiceEvaluator.matches(branch.rule(), local, raw)) {
                return new Step(branch.next(), choiceOutput(c, branch.flow(), raw, effective, context));
            }
        }
        if (c.defaultNext() != null) {
            return new Step(c.defaultNext(), choiceOutput(c, null, raw, effective, context));
        }
        throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
    }

    /** The state's output and Assign, with a matched rule's own Assign and Output in their place when it has them. */
    private static JsonNode choiceOutput(
            State.Choice c, Flow rule, JsonNode raw, JsonNode effective, PathScope context) {
        if (rule == null) {
            return Io.output(c.io(), raw, effective, null, context);
        }
        if (rule instanceof JsonataFlow ruleFlow && c.io() instanceof JsonataFlow stateFlow) {
            JsonataFlow merged = new JsonataFlow(
                    null,
                    ruleFlow.output() != null ? ruleFlow.output() : stateFlow.output(),
                    ruleFlow.assign() != null ? ruleFlow.assign() : stateFlow.assign());
            return Io.output(merged, raw, effective, null, context);
        }
        DataFlow state = (DataFlow) c.io();
        DataFlow ruleAssign = (DataFlow) rule;
        return Io.output(
                new DataFlow(
                        "$",
                        null,
                        null,
                        "$",
                        state.outputPath(),
                        ruleAssign.assign() != null ? ruleAssign.assign() : state.assign()),
                effective,
                effective,
                null,
                context);
    }

    private StatesError fail(State.Fail f, JsonNode raw, PathScope context) {
        if (f.errorTemplate() != null || f.causeTemplate() != null) {
            JsonataBindings bindings = JsonataBindings.ofInput(raw, context);
            return new StatesError(
                    text(f.errorTemplate(), bindings, "Error"), text(f.causeTemplate(), bindings, "Cause"));
        }
        String error = f.errorPath() == null ? f.error() : dynamicText(f.errorPath(), context, "ErrorPath");
        String cause = f.causePath() == null ? f.cause() : dynamicText(f.causePath(), context, "CausePath");
        return new StatesError(error, cause);
    }

    private static String text(JsonataTemplate template, JsonataBindings bindings, String field) {
        if (template == null) {
            return null;
        }
        JsonNode value = template.evaluate(bindings, field);
        if (!value.isTextual()) {
            throw new StatesError(
                    StatesError.QUERY_EVALUATION,
                    "The value of the field '" + field + "' must be a string, but was " + Json.write(value));
        }
        return value.textValue();
    }

    private static String dynamicText(String expression, PathScope scope, String field) {
        JsonNode value = PayloadTemplate.resolve(field, expression, scope, field);
        if (!value.isTextual()) {
            throw new StatesError(
                    StatesError.RUNTIME, "The " + field + " '" + expression + "' must resolve to a string");
        }
        return value.textValue();
    }
}
