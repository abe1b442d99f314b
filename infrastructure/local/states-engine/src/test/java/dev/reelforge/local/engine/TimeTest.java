package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TimeTest {
    /** How long the blocked handler waits before giving up by itself: far past the task's 1 s timeout. */
    private static final Duration HANDLER_GIVES_UP = Duration.ofSeconds(20);

    @Test
    void wait_secondsAndSecondsPath_advanceVirtualClockWithoutRealWaiting() {
        VirtualClock clock = new VirtualClock();
        String definition = """
                {"StartAt":"W1","States":{"W1":{"Type":"Wait","Seconds":600,"Next":"W2"},
                 "W2":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""";
        long startNanos = System.nanoTime();
        ExecutionResult result = run(definition, "{\"delay\":30}", (r, i, c) -> i, clock);

        assertThat(result.output()).isEqualTo(json("{\"delay\":30}"));
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(600), Duration.ofSeconds(30));
        assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofSeconds(630));
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void wait_timestampPath_sleepsUntilThatInstant() {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"));
        String definition = """
                {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""";
        run(definition, "{\"at\":\"2024-01-01T01:00:00Z\"}", (r, i, c) -> i, clock);

        assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-01T01:00:00Z"));
    }

    @Test
    void taskTimeoutSeconds_virtualTimeOverrun_failsWithStatesTimeout() {
        VirtualClock clock = new VirtualClock();
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","TimeoutSeconds":60,"End":true}}}""";
        ExecutionResult result = run(
                definition,
                "{}",
                (r, in, ctx) -> {
                    assertThat(ctx.timeout()).isEqualTo(Duration.ofSeconds(60));
                    clock.advance(Duration.ofSeconds(61));
                    return in;
                },
                clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(Fixtures.types(result)).contains("TaskTimedOut");
    }

    @Test
    void taskTimeoutSeconds_jsonataExpression_isTheTimeoutTheHandlerSees() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"r",
                 "TimeoutSeconds":"{% $states.input.limit * 2 %}","End":true}}}""";
        AtomicReference<Duration> seen = new AtomicReference<>();

        ExecutionResult result = run(definition, "{\"limit\":15}", (r, in, ctx) -> {
            seen.set(ctx.timeout());
            return in;
        });

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(seen.get()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void taskTimeoutSeconds_blockedHandler_isInterruptedAfterRealTimeout() throws InterruptedException {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","TimeoutSeconds":1,"End":true,
                  "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}]},
                 "TimedOut":{"Type":"Pass","Result":"timed out","End":true}}}""";
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicLong interruptedAfterNanos = new AtomicLong(-1);
        long startNanos = System.nanoTime();
        ExecutionResult result = run(
                definition,
                "{}",
                (r, in, ctx) -> {
                    try {
                        // bounded, so that an engine which never interrupts fails this test instead of hanging it
                        never.await(HANDLER_GIVES_UP.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interruptedAfterNanos.set(System.nanoTime() - startNanos);
                        interrupted.countDown();
                    }
                    return in;
                },
                EngineClock.system());

        assertThat(result.output().asText()).isEqualTo("timed out");
        assertThat(Fixtures.types(result)).containsSubsequence("TaskStarted", "TaskTimedOut", "TaskStateExited");
        assertThat(interrupted.await(HANDLER_GIVES_UP.toSeconds(), TimeUnit.SECONDS))
                .as("the handler's thread was interrupted")
                .isTrue();
        assertThat(Duration.ofNanos(interruptedAfterNanos.get()))
                .as("interrupted after the 1 s TimeoutSeconds, not before")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThan(HANDLER_GIVES_UP);
    }

    @Test
    void timeoutSecondsPath_readsTimeoutFromInput() {
        VirtualClock clock = new VirtualClock();
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","TimeoutSecondsPath":"$.limit","End":true}}}""";
        ExecutionResult result = run(
                definition,
                "{\"limit\":5}",
                (r, in, ctx) -> {
                    clock.advance(Duration.ofSeconds(ctx.timeout().toSeconds() + 1));
                    return in;
                },
                clock);

        assertThat(result.error()).isEqualTo("States.Timeout");
    }

    @Test
    void executionTimeoutSeconds_longWait_timesOutAtDeadline() {
        VirtualClock clock = new VirtualClock();
        String definition = """
                {"TimeoutSeconds":100,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
        ExecutionResult result = run(definition, "{}", (r, i, c) -> i, clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.TIMED_OUT);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(result.output()).isNull();
        assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofSeconds(100));
        assertThat(Fixtures.types(result)).endsWith("WaitStateEntered", "ExecutionTimedOut");
    }

    @Test
    void executionTimeoutSeconds_retriesPastDeadline_timeOutInsteadOfFailing() {
        VirtualClock clock = new VirtualClock();
        String definition = """
                {"TimeoutSeconds":10,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true,
                  "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":4,"MaxAttempts":5}]}}}""";
        ExecutionResult result = run(
                definition,
                "{}",
                (r, i, c) -> {
                    throw new TaskFailedException("Flaky", "again");
                },
                clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.TIMED_OUT);
    }
}
