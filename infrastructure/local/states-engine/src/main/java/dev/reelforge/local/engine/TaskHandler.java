package dev.reelforge.local.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Executes Task states. The engine owns data flow, retries and timeouts; the handler only maps a
 * resource ARN plus its effective input (after InputPath and Parameters) to a result.
 */
@FunctionalInterface
public interface TaskHandler {
    /**
     * @param resource the Task's {@code Resource} exactly as written in the definition
     * @param input effective input after InputPath and Parameters
     * @throws TaskFailedException to report a named error that Retry/Catch can match
     */
    JsonNode invoke(String resource, JsonNode input, TaskContext context) throws TaskFailedException;
}
