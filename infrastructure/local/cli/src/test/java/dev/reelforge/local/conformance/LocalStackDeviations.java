package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

/**
 * LocalStack 2026.3.0 bugs that a conformance case runs into, each checked against AWS's documented or recorded
 * behaviour (see CONFORMANCE.md). For such a case both engines must still agree on every event before the state
 * where LocalStack goes wrong, and LocalStack must fail there exactly as described — so a LocalStack that gets fixed,
 * or a new difference, still fails the test.
 */
final class LocalStackDeviations {

    /**
     * @param divergingState the state whose evaluation differs; events up to its StateEntered must be equal
     * @param localStackError the error LocalStack ends the execution with
     * @param localStackCause the start of LocalStack's cause
     */
    record Deviation(String why, String divergingState, String localStackError, String localStackCause) {}

    private static final Map<String, Deviation> KNOWN = Map.of(
            "reelforge-batch#OneItemFails",
            new Deviation(
                    "A JSONPath filter ($.results[?(@.status != 'SUCCEEDED')].name) with exactly one match gives a "
                            + "one-element array on AWS (Jayway semantics: indefinite paths always return lists) but a "
                            + "bare value on LocalStack, so States.ArrayLength fails there with States.Runtime. "
                            + "moto fixed the same code it inherited (getmoto/moto#7825).",
                    "Count",
                    "States.Runtime",
                    "TypeError(Expected an array type, but got 'batch-7-b'.)"));

    private LocalStackDeviations() {}

    static Optional<Deviation> of(String machine, String testCase) {
        return Optional.ofNullable(KNOWN.get(machine + "#" + testCase));
    }

    static void assertKnownDeviation(Deviation deviation, ExecutionTrace engine, ExecutionTrace localStack) {
        int diverging = engine.statesEntered().indexOf(deviation.divergingState());
        assertThat(diverging)
                .as("Reelforge's engine enters %s", deviation.divergingState())
                .isNotNegative();
        int events = eventsThroughEntering(engine, diverging);
        assertThat(localStack.eventTypes())
                .as(
                        "LocalStack events up to entering %s%n%s",
                        deviation.divergingState(),
                        engine.sideBySide("Reelforge engine", localStack, "LocalStack 2026.3.0"))
                .startsWith(engine.eventTypes().subList(0, events).toArray(String[]::new));
        assertThat(localStack.statesEntered()).isEqualTo(engine.statesEntered().subList(0, diverging + 1));
        assertThat(localStack.status()).as(deviation.why()).isEqualTo("FAILED");
        assertThat(localStack.error()).as(deviation.why()).isEqualTo(deviation.localStackError());
        assertThat(localStack.cause()).as(deviation.why()).startsWith(deviation.localStackCause());
    }

    /** How many events the trace has up to and including the StateEntered event of the state at {@code stateIndex}. */
    private static int eventsThroughEntering(ExecutionTrace trace, int stateIndex) {
        int entered = -1;
        for (int i = 0; i < trace.eventTypes().size(); i++) {
            if (trace.eventTypes().get(i).endsWith("StateEntered") && ++entered == stateIndex) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no StateEntered event #" + stateIndex);
    }
}
