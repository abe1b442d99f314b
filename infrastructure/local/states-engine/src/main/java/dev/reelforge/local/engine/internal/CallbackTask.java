package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.TaskTokenException;
import dev.reelforge.local.engine.TaskTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One issued task token and the Task waiting on it. The waiting thread re-reads the engine clock at least every
 * {@link #POLL}, so a test that advances a {@code VirtualClock} past TimeoutSeconds sees the timeout promptly without
 * any real waiting for it. Thread-safe.
 */
final class CallbackTask {
    static final Duration POLL = Duration.ofMillis(50);
    final String token;
    private final EngineClock clock;
    private Instant lastBeat;
    private Outcome answer;
    private boolean closed;

    CallbackTask(String token, EngineClock clock) {
        this.token = token;
        this.clock = clock;
        this.lastBeat = clock.now();
    }

    /** How the wait ended. */
    sealed interface Outcome {}

    record Succeeded(JsonNode output) implements Outcome {}

    record Failed(String error, String cause) implements Outcome {}

    /** TimeoutSeconds ({@code heartbeat} false) or HeartbeatSeconds ran out. */
    record TimedOut(boolean heartbeat) implements Outcome {}

    record DeadlineReached() implements Outcome {}

    record Cancelled() implements Outcome {}

    synchronized void answer(Outcome outcome) throws TaskTokenException {
        requireOpen();
        answer = outcome;
        notifyAll();
    }

    synchronized void beat() throws TaskTokenException {
        requireOpen();
        lastBeat = clock.now();
    }

    /** After this every answer is refused as TaskTimedOut, the way AWS refuses a token of a closed task. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * Blocks until answered, or a limit passes on the engine clock.
     *
     * @param timeoutAt when TimeoutSeconds runs out, or {@code null}
     * @param heartbeat HeartbeatSeconds, or {@code null}
     * @param deadline the execution's own deadline, or {@code null}
     */
    synchronized Outcome await(Instant timeoutAt, Duration heartbeat, Instant deadline, BooleanSupplier cancelled)
            throws InterruptedException {
        while (answer == null) {
            Instant now = clock.now();
            if (deadline != null && !now.isBefore(deadline)) {
                return new DeadlineReached();
            }
            if (timeoutAt != null && !now.isBefore(timeoutAt)) {
                return new TimedOut(false);
            }
            if (heartbeat != null && !now.isBefore(lastBeat.plus(heartbeat))) {
                return new TimedOut(true);
            }
            if (cancelled.getAsBoolean() || closed) {
                return new Cancelled();
            }
            Duration wait = POLL;
            for (Instant limit :
                    new Instant[] {deadline, timeoutAt, heartbeat == null ? null : lastBeat.plus(heartbeat)}) {
                if (limit != null && Duration.between(now, limit).compareTo(wait) < 0) {
                    wait = Duration.between(now, limit);
                }
            }
            wait(Math.max(1, wait.toMillis()));
        }
        return answer;
    }

    private void requireOpen() throws TaskTokenException {
        if (closed || answer != null) {
            throw new TaskTokenException(
                    Reason.TASK_TIMED_OUT, "Task Timed Out: 'Provided task does not exist anymore'");
        }
    }
}
