package dev.reelforge.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.TaskFailedException;

/**
 * Runs a child execution to its end for {@code arn:aws:states:::states:startExecution.sync(:2)}, registered where
 * DescribeExecution and ListExecutions see it, as on AWS. Implementations are thread-safe.
 */
@FunctionalInterface
public interface NestedExecutions {
    /** @throws TaskFailedException as StartExecution would fail (unknown state machine, name taken) */
    ExecutionResult runToEnd(String stateMachineArn, String executionName, JsonNode input) throws TaskFailedException;

    /** For engines without a registry: every nested start fails the way an unserved resource does. */
    static NestedExecutions unsupported() {
        return (arn, name, input) -> {
            throw new TaskFailedException(
                    "States.TaskFailed", "nested executions need `reelforge serve` (no registry here)");
        };
    }
}
