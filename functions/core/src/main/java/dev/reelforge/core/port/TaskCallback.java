package dev.reelforge.core.port;

/**
 * Answers a workflow Task that waits on a task token (Step Functions' SendTaskSuccess). Thread-safe.
 *
 * <p>Example: the approval API resumes {@code WaitForApproval} with the reviewer's decision as the Task's output.
 */
public interface TaskCallback {
    /**
     * @param outputJson the Task's result, a JSON document
     * @throws dev.reelforge.core.error.ApprovalNotPendingException when the token's Task no longer waits (closed,
     *     timed out, its execution stopped) or the token is unknown
     */
    void succeed(String token, String outputJson);
}
