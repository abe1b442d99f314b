package dev.reelforge.aws.sfn;

import dev.reelforge.core.port.RenderStarter;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * {@link RenderStarter} over Step Functions StartExecution. A name that is already taken (a redelivered S3 event,
 * a retried schedule) is the idempotent outcome, not a failure: Standard workflows keep names for 90 days, and the
 * execution ARN follows from the state machine ARN and the name. Thread-safe.
 */
public final class SfnRenderStarter implements RenderStarter {
    private final SfnClient sfn;

    public SfnRenderStarter(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public StartedExecution start(String stateMachineArn, String executionName, String inputJson) {
        try {
            String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn)
                            .name(executionName)
                            .input(inputJson))
                    .executionArn();
            return StartedExecution.started(arn);
        } catch (ExecutionAlreadyExistsException e) {
            return StartedExecution.existing(executionArn(stateMachineArn, executionName));
        }
    }

    /** {@code arn:aws:states:r:a:stateMachine:M} and name N give {@code arn:aws:states:r:a:execution:M:N}. */
    static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
