package dev.reelforge.core.error;

/**
 * The provider finished (and charged for) a render that we could not retrieve: its download link expired or the
 * provider no longer serves it. Cost-bearing and terminal: retrying the same download cannot help, and submitting
 * again pays again, so the state machine catches this by name and records the lost spend instead of looping.
 */
public class PaidRenderLostException extends ReelforgeException {
    public PaidRenderLostException(String message) {
        super(message);
    }
}
