package dev.reelforge.local.engine;

import java.time.Duration;

/**
 * What a {@link TaskHandler} may want to know about the invocation besides its input.
 *
 * @param retryCount how many retries preceded this attempt within the current state entry
 * @param timeout the state's TimeoutSeconds, or {@code null} when the task has no timeout
 */
public record TaskContext(String executionArn, String stateName, int retryCount, Duration timeout) {}
