package dev.reelforge.core.port;

/**
 * Starts a state machine execution by name (Step Functions StartExecution in AWS and against the local endpoint).
 * Names are the idempotency key: starting a name that already exists is not an error but reports
 * {@link StartedExecution#alreadyStarted()}, so an event delivered twice starts one render. Implementations are
 * thread-safe.
 *
 * <pre>{@code
 * StartedExecution started = starter.start(renderArn, "acme-mug-drop-3f2a", "{\"request\":{...}}");
 * }</pre>
 */
public interface RenderStarter {
    /**
     * @param executionName 1–80 characters of {@code [A-Za-z0-9_-]}
     * @param inputJson the execution input document
     */
    StartedExecution start(String stateMachineArn, String executionName, String inputJson);

    /** The execution that runs (or ran) under the requested name. */
    record StartedExecution(String executionArn, boolean alreadyStarted) {
        public static StartedExecution started(String executionArn) {
            return new StartedExecution(executionArn, false);
        }

        public static StartedExecution existing(String executionArn) {
            return new StartedExecution(executionArn, true);
        }
    }
}
