package dev.reelforge.aws.sfn;

import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.port.TaskCallback;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * {@link TaskCallback} over SendTaskSuccess and SendTaskFailure. A token Step Functions no longer accepts (the Task
 * timed out, the execution stopped, a forged token) becomes {@link ApprovalNotPendingException}. Thread-safe.
 */
public final class SfnTaskCallback implements TaskCallback {
    private final SfnClient sfn;

    public SfnTaskCallback(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public void succeed(String token, String outputJson) {
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(token).output(outputJson));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            throw notWaiting(e);
        }
    }

    @Override
    public void fail(String token, String error, String cause) {
        try {
            sfn.sendTaskFailure(b -> b.taskToken(token).error(error).cause(cause));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            throw notWaiting(e);
        }
    }

    private static ApprovalNotPendingException notWaiting(SfnException e) {
        return new ApprovalNotPendingException("the render is no longer waiting for approval ("
                + e.awsErrorDetails().errorCode() + ")");
    }
}
