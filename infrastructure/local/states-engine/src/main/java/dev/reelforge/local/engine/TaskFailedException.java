package dev.reelforge.local.engine;

/** A task failure carrying the error name and cause that Retry and Catch match on. */
public class TaskFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
