package dev.reelforge.core.error;

/**
 * Base of every error the workflow names. The state machine matches on the fully-qualified class name (the
 * Lambda {@code errorType}), so each subclass is one decision in {@code render.asl.json}. Messages tell the
 * user how to fix the problem and never carry secrets or provider request ids.
 */
public abstract class ReelforgeException extends RuntimeException {
    protected ReelforgeException(String message) {
        super(message);
    }

    protected ReelforgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
