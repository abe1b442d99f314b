package dev.reelforge.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.TaskFailedException;

/**
 * The result of a {@code startExecution.sync} Task as AWS shapes it: the child's DescribeExecution fields, with
 * {@code Output} as a JSON string ({@code .sync}) or as JSON ({@code .sync:2}); a child that did not succeed fails
 * the Task with {@code States.TaskFailed} and that document as the cause.
 */
final class NestedExecutionResult {
    private NestedExecutionResult() {}

    static JsonNode of(ExecutionResult child, String stateMachineArn, boolean parsedOutput, ObjectMapper json)
            throws TaskFailedException {
        ObjectNode doc = json.createObjectNode();
        doc.put("ExecutionArn", child.executionArn());
        doc.put("Name", child.executionArn().substring(child.executionArn().lastIndexOf(':') + 1));
        doc.put("StateMachineArn", stateMachineArn);
        doc.put("Status", child.status().name());
        doc.put("StartDate", child.startDate().toEpochMilli());
        if (child.stopDate() != null) {
            doc.put("StopDate", child.stopDate().toEpochMilli());
        }
        if (child.status() != ExecutionResult.Status.SUCCEEDED) {
            if (child.error() != null) {
                doc.put("Error", child.error());
            }
            if (child.cause() != null) {
                doc.put("Cause", child.cause());
            }
            throw new TaskFailedException("States.TaskFailed", doc.toString());
        }
        if (parsedOutput) {
            doc.set("Output", child.output());
        } else {
            doc.put("Output", child.output() == null ? "null" : child.output().toString());
        }
        return doc;
    }
}
