package dev.reelforge.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What two Step Functions engines must agree on for one execution: the final status, the output (numbers compared
 * by value), the error and cause of a failure, the states entered in order and the history event types in order.
 * Timestamps, ids and ARNs are left out: they differ by design.
 */
public record ExecutionTrace(
        String status,
        JsonNode output,
        String error,
        String cause,
        List<String> statesEntered,
        List<String> eventTypes) {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    public ExecutionTrace {
        statesEntered = List.copyOf(statesEntered);
        eventTypes = List.copyOf(eventTypes);
    }

    /** The trace of an execution run by Reelforge's engine. */
    public static ExecutionTrace of(ExecutionResult result) {
        List<String> entered = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (HistoryEvent event : result.history()) {
            types.add(event.type());
            if (event.type().endsWith("StateEntered")) {
                entered.add(event.details()
                        .path("stateEnteredEventDetails")
                        .path("name")
                        .asText());
            }
        }
        return new ExecutionTrace(
                result.status().name(), result.output(), result.error(), result.cause(), entered, types);
    }

    /** Every field on which {@code other} differs, as {@code field: this | other} lines; empty when equal. */
    public List<String> differences(ExecutionTrace other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "status", status, other.status);
        boolean sameOutput = output == null || other.output == null
                ? Objects.equals(output, other.output)
                : output.equals(NUMBERS_BY_VALUE, other.output);
        if (!sameOutput) {
            differences.add("output: " + output + " | " + other.output);
        }
        compare(differences, "error", error, other.error);
        compare(differences, "cause", cause, other.cause);
        compare(differences, "states entered", statesEntered, other.statesEntered);
        compare(differences, "event types", eventTypes, other.eventTypes);
        return differences;
    }

    /** Both traces side by side, for a failure message. */
    public String sideBySide(String thisName, ExecutionTrace other, String otherName) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-4s %-40s %s%n", "#", thisName, otherName));
        int rows = Math.max(eventTypes.size(), other.eventTypes.size());
        for (int i = 0; i < rows; i++) {
            String ours = i < eventTypes.size() ? eventTypes.get(i) : "";
            String theirs = i < other.eventTypes.size() ? other.eventTypes.get(i) : "";
            text.append(String.format(
                    "%-4d %-40s %s%s%n", i + 1, ours, theirs, ours.equals(theirs) ? "" : "   <-- differs"));
        }
        text.append(thisName).append(": ").append(summary()).append('\n');
        text.append(otherName).append(": ").append(other.summary()).append('\n');
        return text.toString();
    }

    private String summary() {
        return "status=" + status + " error=" + error + " cause=" + cause + "\n  states=" + statesEntered
                + "\n  output=" + output;
    }

    private static void compare(List<String> differences, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            differences.add(field + ": " + a + " | " + b);
        }
    }
}
