package dev.reelforge.core.port;

/**
 * Resumes an execution waiting on a task token: Step Functions' {@code SendTaskSuccess} in AWS and on the local
 * engine. Thread-safe.
 */
public interface ExecutionResumer {
    /** @param outputJson the waiting state's result, a JSON object */
    void resume(String taskToken, String outputJson);
}
