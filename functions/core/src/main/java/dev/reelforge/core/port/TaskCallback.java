package dev.reelforge.core.port;

/**
 * Answers a workflow Task that waits on a task token (Step Functions' SendTaskSuccess and SendTaskFailure).
 * Thread-safe.
 *
 * <p>Example: the approval API resumes {@code WaitForApproval} with an approval as the Task's output, or fails it
 * with {@code RenderDeclinedException} and the reason.
 */
public interface TaskCallback {
    /**
     * @param outputJson the Task's result, a JSON document
     * @throws dev.reelforge.core.error.ApprovalNotPendingException when the token's Task no longer waits (closed,
     *     timed out, its execution stopped) or the token is unknown
     */
    void succeed(String token, String outputJson);

    /**
     * Fails the Task with {@code error} (what the state machine's Catch matches) and {@code cause}.
     *
     * @throws dev.reelforge.core.error.ApprovalNotPendingException as {@link #succeed}
     */
    void fail(String token, String error, String cause);
}
