package dev.reelforge.local.engine;

/**
 * Why a task token was not accepted, named as the Step Functions API names it so that a local endpoint can answer
 * with AWS's error type: {@code InvalidToken} (never issued, or not a token at all), {@code TaskTimedOut} (the task
 * already closed: answered, timed out or its execution stopped), {@code TaskDoesNotExist} (a well-formed token from
 * another engine instance, e.g. before {@code reelforge serve} restarted).
 */
public final class TaskTokenException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public TaskTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The API error type for each refusal. */
    public enum Reason {
        INVALID_TOKEN("InvalidToken"),
        TASK_TIMED_OUT("TaskTimedOut"),
        TASK_DOES_NOT_EXIST("TaskDoesNotExist");

        private final String errorType;

        Reason(String errorType) {
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }
}
