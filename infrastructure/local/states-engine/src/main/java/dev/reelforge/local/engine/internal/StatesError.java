package dev.reelforge.local.engine.internal;

import java.util.List;
import java.util.Set;

/**
 * A runtime error with an ASL error name, travelling up to the nearest Retry/Catch. Stackless:
 * it is control flow, not a bug report.
 */
public final class StatesError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String EXCEED_TOLERATED_FAILURE = "States.ExceedToleratedFailureThreshold";
    public static final String QUERY_EVALUATION = "States.QueryEvaluationError";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    /** The errors the engine raises while processing a state's data, whose causes AWS prefixes with the state. */
    private static final Set<String> DATA_ERRORS =
            Set.of(RUNTIME, QUERY_EVALUATION, RESULT_PATH_MATCH_FAILURE, PARAMETER_PATH_FAILURE, INTRINSIC_FAILURE);

    private final String error;
    private final String cause;
    private final boolean located;

    public StatesError(String error, String cause) {
        this(error, cause, false);
    }

    private StatesError(String error, String cause, boolean located) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.located = located;
    }

    /**
     * This error with AWS's prefix naming the state, when it is a data error the engine raised and has no prefix
     * yet: "An error occurred while executing the state 'X' (entered at the event id #N). …". Other errors, a
     * task's own among them, are returned as they are.
     */
    StatesError located(String stateName, long enteredEventId) {
        if (located || !DATA_ERRORS.contains(error)) {
            return this;
        }
        return new StatesError(
                error,
                "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
                        + enteredEventId + "). " + cause,
                true);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /**
     * ErrorEquals matching as AWS does it: States.Runtime is never retried or caught;
     * States.ALL matches everything else except States.DataLimitExceeded (which only an explicit
     * name matches); States.TaskFailed matches like States.ALL minus the timeouts; States.Timeout also matches
     * States.HeartbeatTimeout, which names the heartbeat case alone.
     */
    public boolean matches(List<String> errorEquals) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        boolean recoverable = !DATA_LIMIT_EXCEEDED.equals(error);
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) {
                return true;
            }
            if (ALL.equals(candidate) && recoverable) {
                return true;
            }
            if (TASK_FAILED.equals(candidate)
                    && recoverable
                    && !TIMEOUT.equals(error)
                    && !HEARTBEAT_TIMEOUT.equals(error)) {
                return true;
            }
            if (TIMEOUT.equals(candidate) && HEARTBEAT_TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
