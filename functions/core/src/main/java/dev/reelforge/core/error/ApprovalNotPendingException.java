package dev.reelforge.core.error;

/**
 * An approval that names a job or revision nobody is waiting on: a stale revision (a newer render is up for review),
 * a decision already given, a job that never asked for approval or has finished. Refused so that an old approval can
 * never publish a newer render.
 */
public class ApprovalNotPendingException extends ReelforgeException {
    public ApprovalNotPendingException(String message) {
        super(message);
    }
}
