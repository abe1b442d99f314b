package dev.reelforge.core.error;

/** The provider did not finish before the poll deadline; the job fails rather than polling forever. */
public class RenderTimedOutException extends ReelforgeException {
    public RenderTimedOutException(String message) {
        super(message);
    }
}
