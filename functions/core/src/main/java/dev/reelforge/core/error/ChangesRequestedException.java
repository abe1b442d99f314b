package dev.reelforge.core.error;

/**
 * The reviewer asked for changes at the approval gate: how the approval function ends {@code WaitForApproval}
 * (SendTaskFailure with this class's name as the error and the decision as JSON in the cause), which the state
 * machine catches into {@code ReviewerChanges} to render another revision.
 */
public class ChangesRequestedException extends ReelforgeException {
    public ChangesRequestedException(String decisionJson) {
        super(decisionJson);
    }
}
