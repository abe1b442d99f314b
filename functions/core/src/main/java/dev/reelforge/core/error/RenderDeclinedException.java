package dev.reelforge.core.error;

/**
 * The reviewer rejected the render at the approval gate: how the approval function fails {@code WaitForApproval}
 * (SendTaskFailure with this class's name as the error and the reason as the cause), which the state machine catches
 * into {@code MarkDeclined}. The job ends DECLINED with the reason on the record.
 */
public class RenderDeclinedException extends ReelforgeException {
    public RenderDeclinedException(String reason) {
        super(reason);
    }
}
