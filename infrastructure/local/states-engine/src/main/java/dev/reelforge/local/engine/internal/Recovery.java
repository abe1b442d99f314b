package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Retry-then-Catch around a Task, Parallel or Map body. The first retrier whose ErrorEquals
 * matches decides: retry if it has attempts left, otherwise fall through to the catchers
 * (later retriers are not consulted), as the spec requires.
 */
final class Recovery {
    private final ExecutionScope scope;

    Recovery(ExecutionScope scope) {
        this.scope = scope;
    }

    /** The state's work for one attempt, given the number of retries so far; returns the state output. */
    @FunctionalInterface
    interface Attempt {
        JsonNode run(int retryCount);
    }

    /** @param state the state's scope, whose input is the raw state input a Catch's ResultPath writes into */
    GraphRunner.Step run(
            GraphRunner.Entry entry,
            PathScope state,
            String next,
            ErrorHandling handling,
            Trace trace,
            Attempt attempt) {
        List<ErrorHandling.Retrier> retriers = handling.retriers();
        int[] attemptsUsed = new int[retriers.size()];
        int retryCount = 0;
        while (true) {
            try {
                return new GraphRunner.Step(next, attempt.run(retryCount));
            } catch (StatesError raised) {
                StatesError e = raised.located(entry.state().name(), entry.eventId());
                int index = firstMatch(retriers, e);
                if (index >= 0 && attemptsUsed[index] < retriers.get(index).maxAttempts()) {
                    scope.sleep(delay(retriers.get(index), attemptsUsed[index]++, scope.settings.random()));
                    scope.checkDeadline(trace);
                    retryCount++;
                    continue;
                }
                for (ErrorHandling.Catcher catcher : handling.catchers()) {
                    if (e.matches(catcher.errorEquals())) {
                        return new GraphRunner.Step(
                                catcher.next(), Io.caught(catcher.flow(), state.input(), Io.errorOutput(e), state));
                    }
                }
                throw e;
            }
        }
    }

    private static int firstMatch(List<ErrorHandling.Retrier> retriers, StatesError e) {
        for (int i = 0; i < retriers.size(); i++) {
            if (e.matches(retriers.get(i).errorEquals())) {
                return i;
            }
        }
        return -1;
    }

    /** IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds, then FULL jitter if asked. */
    static Duration delay(ErrorHandling.Retrier retrier, int attempt, RandomGenerator random) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.fullJitter()) {
            synchronized (random) {
                seconds = random.nextDouble() * seconds;
            }
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }
}
