package dev.reelforge.local.engine.internal;

import dev.reelforge.local.engine.ExecutionResult.Status;

/** Ends the whole execution regardless of Retry/Catch: the execution timed out or was aborted. */
final class ExecutionStop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Status status;

    ExecutionStop(Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    Status status() {
        return status;
    }
}
