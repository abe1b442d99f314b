package dev.reelforge.core.error;

/** A job record changed under us (optimistic versioning) or already exists where a new one was expected. */
public class JobConflictException extends ReelforgeException {
    public JobConflictException(String message) {
        super(message);
    }
}
