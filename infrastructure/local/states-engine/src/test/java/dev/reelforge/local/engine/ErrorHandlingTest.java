package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    /** Fails the first {@code failures} calls with {@code error}, then returns the call count. */
    private static TaskHandler failing(int failures, String error, List<Integer> retryCounts) {
        AtomicInteger calls = new AtomicInteger();
        return (resource, input, ctx) -> {
            retryCounts.add(ctx.retryCount());
            if (calls.incrementAndGet() <= failures) {
                throw new TaskFailedException(error, "attempt " + calls.get());
            }
            return IntNode.valueOf(calls.get());
        };
    }

    private static String task(String retry, String catchers) {
        return """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
                  "Retry":%s,"Catch":%s},
                 "Recovery":{"Type":"Pass","End":true},"Other":{"Type":"Pass","Result":"other","End":true}}}""".formatted(retry, catchers);
    }

    @Test
    void retry_defaults_waitOneTwoFourSecondsOnVirtualClock() {
        VirtualClock clock = new VirtualClock();
        List<Integer> retryCounts = new ArrayList<>();
        ExecutionResult result =
                run(task("[{\"ErrorEquals\":[\"Boom\"]}]", "[]"), "{}", failing(3, "Boom", retryCounts), clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().asInt()).isEqualTo(4);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(retryCounts).containsExactly(0, 1, 2, 3);
        List<Instant> scheduled = result.history().stream()
                .filter(e -> e.type().equals("TaskScheduled"))
                .map(HistoryEvent::timestamp)
                .toList();
        Instant t0 = scheduled.get(0);
        assertThat(scheduled).containsExactly(t0, t0.plusSeconds(1), t0.plusSeconds(3), t0.plusSeconds(7));
    }

    @Test
    void retry_specExampleBackoff_waitsThreeThenFourAndAHalfSecondsThenFails() {
        VirtualClock clock = new VirtualClock();
        ExecutionResult result = run(task("""
                [{"ErrorEquals":["States.Timeout"],"IntervalSeconds":3,"MaxAttempts":2,"BackoffRate":1.5}]""", "[]"), "{}", failing(10, "States.Timeout", new ArrayList<>()), clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500));
    }

    @Test
    void retry_maxDelayAndFullJitter_capsThenDrawsFromSeededRandom() {
        VirtualClock clock = new VirtualClock();
        String definition = task("""
                [{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":3,"MaxDelaySeconds":5,"JitterStrategy":"FULL"}]""", "[]");
        new Engine(failing(3, "Boom", new ArrayList<>()), clock)
                .withRandom(new SplittableRandom(7))
                .run(StateMachine.parse(definition), Fixtures.ARN, "e", json("{}"));

        SplittableRandom expected = new SplittableRandom(7);
        double[] caps = {2, 5, 5};
        assertThat(clock.sleeps()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long expectedNanos = Math.round(expected.nextDouble() * caps[i] * 1_000_000_000L);
            assertThat(clock.sleeps().get(i)).isEqualTo(Duration.ofNanos(expectedNanos));
        }
    }

    @Test
    void retry_maxAttemptsZero_neverRetries() {
        VirtualClock clock = new VirtualClock();
        ExecutionResult result = run(
                task("[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":0}]", "[]"),
                "{}",
                failing(1, "Boom", new ArrayList<>()),
                clock);

        assertThat(result.error()).isEqualTo("Boom");
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void retry_firstMatchingRetrierExhausted_doesNotFallThroughToLaterRetriers() {
        VirtualClock clock = new VirtualClock();
        ExecutionResult result = run(task("""
                [{"ErrorEquals":["Boom"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}]""", "[]"), "{}", failing(10, "Boom", new ArrayList<>()), clock);

        assertThat(result.error()).isEqualTo("Boom");
        assertThat(clock.sleeps()).hasSize(1);
    }

    @Test
    void catch_specExample_routesByErrorAndPlacesErrorAtResultPath() {
        String catchers = """
                [{"ErrorEquals":["java.lang.Exception"],"ResultPath":"$.error-info","Next":"Recovery"},
                 {"ErrorEquals":["States.ALL"],"Next":"Other"}]""";
        ExecutionResult recovered =
                run(task("[]", catchers), "{\"job\":1}", failing(1, "java.lang.Exception", new ArrayList<>()));
        ExecutionResult other = run(task("[]", catchers), "{\"job\":1}", failing(1, "Custom", new ArrayList<>()));

        assertThat(recovered.output())
                .isEqualTo(
                        json("{\"job\":1,\"error-info\":{\"Error\":\"java.lang.Exception\",\"Cause\":\"attempt 1\"}}"));
        assertThat(other.output().asText()).isEqualTo("other");
    }

    @Test
    void catch_defaultResultPath_replacesInputWithErrorObject() {
        ExecutionResult result = run(
                task("[]", "[{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Recovery\"}]"),
                "{\"job\":1}",
                failing(1, "Lambda.Unknown", new ArrayList<>()));

        assertThat(result.output()).isEqualTo(json("{\"Error\":\"Lambda.Unknown\",\"Cause\":\"attempt 1\"}"));
    }

    @Test
    void retriesBeforeCatchers_retryThenCatch() {
        VirtualClock clock = new VirtualClock();
        ExecutionResult result = run(
                task(
                        "[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":2}]",
                        "[{\"ErrorEquals\":[\"Boom\"],\"Next\":\"Recovery\",\"ResultPath\":\"$.err\"}]"),
                "{}",
                failing(10, "Boom", new ArrayList<>()),
                clock);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().at("/err/Cause").asText()).isEqualTo("attempt 3");
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void taskFailedWildcard_doesNotMatchStatesTimeout() {
        ExecutionResult result = run(
                task("[]", "[{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Recovery\"}]"),
                "{}",
                failing(1, "States.Timeout", new ArrayList<>()));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
    }

    @Test
    void handlerRuntimeException_isReportedWithExceptionClassAsError() {
        ExecutionResult result = run(task("[]", "[]"), "{}", (r, in, c) -> {
            throw new IllegalStateException("kaput");
        });

        assertThat(result.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.cause()).isEqualTo("kaput");
    }

    @Test
    void fail_errorPathAndCausePath_useInputAndIntrinsics() {
        String definition = """
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code","CausePath":"States.Format('job {} failed', $.id)"}}}""";
        ExecutionResult result = run(definition, "{\"code\":\"Provider.Rejected\",\"id\":7}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("Provider.Rejected");
        assertThat(result.cause()).isEqualTo("job 7 failed");
        assertThat(Fixtures.types(result)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    }
}
