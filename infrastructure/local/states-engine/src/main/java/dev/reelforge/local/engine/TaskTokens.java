package dev.reelforge.local.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The callback side of {@code .waitForTaskToken} Tasks, what SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat
 * reach. A Task whose Resource ends in {@code .waitForTaskToken} gets a fresh token as {@code $$.Task.Token}, calls
 * its resource (which hands the token to someone: a queue, a person, a webhook) and then waits until the token is
 * answered here, its TimeoutSeconds or HeartbeatSeconds run out, or the execution stops. Thread-safe.
 *
 * <pre>{@code
 * engine.tokens().succeed(token, Json.read("{\"decision\":\"approve\"}"));
 * }</pre>
 */
public interface TaskTokens {
    /** The waiting Task succeeds with {@code output} as its result. */
    void succeed(String token, JsonNode output) throws TaskTokenException;

    /** The waiting Task fails with {@code error} and {@code cause} (either may be {@code null}), which Retry/Catch match. */
    void fail(String token, String error, String cause) throws TaskTokenException;

    /** Resets the Task's HeartbeatSeconds clock; it does not extend its TimeoutSeconds. */
    void heartbeat(String token) throws TaskTokenException;
}
