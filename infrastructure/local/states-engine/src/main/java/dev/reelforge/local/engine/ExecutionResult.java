package dev.reelforge.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@link Engine#run}, mirroring DescribeExecution plus the full history.
 *
 * @param output the execution output, {@code null} unless {@link Status#SUCCEEDED}
 * @param error the error name when FAILED or TIMED_OUT, else {@code null}
 */
public record ExecutionResult(
        String executionArn,
        Status status,
        JsonNode output,
        String error,
        String cause,
        List<HistoryEvent> history,
        Instant startDate,
        Instant stopDate) {

    public ExecutionResult {
        history = List.copyOf(history);
    }

    /** Execution status values as reported by DescribeExecution. */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED,
        TIMED_OUT,
        ABORTED
    }
}
