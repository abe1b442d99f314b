package dev.reelforge.local.engine;

import java.time.Duration;

/**
 * What a {@link TaskHandler} may want to know about the invocation besides its input.
 *
 * @param retryCount how many retries preceded this attempt within the current state entry
 * @param timeout the state's TimeoutSeconds, or {@code null} when the task has no timeout
 * @param taskToken the {@code $$.Task.Token} of a {@code .waitForTaskToken} Task, or {@code null}: a handler that
 *     stands in for a whole callback (a mock, a synchronous fake) can answer it through {@link Engine#tokens()}
 */
public record TaskContext(String executionArn, String stateName, int retryCount, Duration timeout, String taskToken) {
    /** A context for a Task without a token. */
    public TaskContext(String executionArn, String stateName, int retryCount, Duration timeout) {
        this(executionArn, stateName, retryCount, timeout, null);
    }
}
