package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.ARN;
import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskTokenTest {
    private static final String CALLBACK = "arn:aws:states:::lambda:invoke.waitForTaskToken";
    private static final int PATIENCE_SECONDS = 20;

    private final VirtualClock clock = new VirtualClock();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final CountDownLatch submitted = new CountDownLatch(1);
    private final Engine engine = new Engine(
                    (resource, input, context) -> {
                        assertThat(context.taskToken())
                                .isEqualTo(input.path("token").asText());
                        token.set(input.path("token").asText());
                        return json("{\"StatusCode\":200}");
                    },
                    clock)
            .withRandom(new Random(7))
            .withListener(new ExecutionListener() {
                @Override
                public void onEvent(HistoryEvent e) {
                    if (e.type().equals("TaskSubmitted")) {
                        submitted.countDown();
                    }
                }
            });

    private static String machine(String taskFields) {
        return """
                {"StartAt":"Approve","States":{
                 "Approve":{"Type":"Task","Resource":"%s","Parameters":{"token.$":"$$.Task.Token"},%s
                   "Catch":[{"ErrorEquals":["Rejected"],"ResultPath":"$.rejected","Next":"Rejected"}],"End":true},
                 "Rejected":{"Type":"Pass","End":true}}}""".formatted(CALLBACK, taskFields);
    }

    private CompletableFuture<ExecutionResult> start(String definition) throws InterruptedException {
        StateMachine sm = StateMachine.parse(definition);
        CompletableFuture<ExecutionResult> run =
                CompletableFuture.supplyAsync(() -> engine.run(sm, ARN, "exec-1", json("{\"job\":\"j1\"}")));
        assertThat(submitted.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .as("the task submitted")
                .isTrue();
        return run;
    }

    @Test
    void sendTaskSuccess_whileWaiting_isTheTaskResult() throws Exception {
        CompletableFuture<ExecutionResult> run = start(machine(""));
        assertThat(run).isNotDone();

        engine.tokens().succeed(token.get(), json("{\"decision\":\"approve\"}"));
        ExecutionResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("{\"decision\":\"approve\"}"));
        assertThat(token.get()).startsWith("RF1");
        assertThat(types(result))
                .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded")
                .containsOnlyOnce("TaskSubmitted");
    }

    @Test
    void sendTaskFailure_isCaughtByItsErrorName() throws Exception {
        CompletableFuture<ExecutionResult> run = start(machine(""));

        engine.tokens().fail(token.get(), "Rejected", "too dark");
        ExecutionResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("rejected").path("Cause").asText()).isEqualTo("too dark");
        assertThat(types(result)).contains("TaskFailed");
    }

    @Test
    void token_reusedForgedOrForeign_isRefusedWithAwsErrorTypes() throws Exception {
        CompletableFuture<ExecutionResult> run = start(machine(""));
        String issued = token.get();
        engine.tokens().succeed(issued, json("{}"));
        run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThatThrownBy(() -> engine.tokens().succeed(issued, json("{}")))
                .isInstanceOfSatisfying(
                        TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_TIMED_OUT));
        assertThatThrownBy(() -> engine.tokens().heartbeat("not-a-token"))
                .isInstanceOfSatisfying(
                        TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.INVALID_TOKEN));
        String forged = issued.substring(0, issued.length() - 2) + (issued.endsWith("AA") ? "BA" : "AA");
        assertThatThrownBy(() -> engine.tokens().fail(forged, "X", "y"))
                .isInstanceOfSatisfying(
                        TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.INVALID_TOKEN));
        Engine other = new Engine((r, i, c) -> i, clock);
        assertThatThrownBy(() -> other.tokens().succeed(issued, json("{}")))
                .isInstanceOfSatisfying(
                        TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_DOES_NOT_EXIST));
    }

    @Test
    void timeoutSeconds_passingWithoutAnswer_failsWithStatesTimeoutAndClosesTheToken() throws Exception {
        CompletableFuture<ExecutionResult> run = start(machine("\"TimeoutSeconds\":3600,"));

        clock.advance(Duration.ofSeconds(3601));
        ExecutionResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(types(result)).contains("TaskTimedOut");
        assertThatThrownBy(() -> engine.tokens().succeed(token.get(), json("{}")))
                .isInstanceOfSatisfying(
                        TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_TIMED_OUT));
    }

    @Test
    void heartbeat_withinHeartbeatSeconds_keepsTheTaskWaiting() throws Exception {
        CompletableFuture<ExecutionResult> run = start(machine("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":10,"));

        clock.advance(Duration.ofSeconds(8));
        engine.tokens().heartbeat(token.get());
        clock.advance(Duration.ofSeconds(8));
        engine.tokens().heartbeat(token.get());
        engine.tokens().succeed(token.get(), json("{\"ok\":true}"));
        ExecutionResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        HistoryEvent scheduled = result.history().stream()
                .filter(e -> e.type().equals("TaskScheduled"))
                .findFirst()
                .orElseThrow();
        assertThat(scheduled
                        .details()
                        .path("taskScheduledEventDetails")
                        .path("heartbeatInSeconds")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void heartbeatSeconds_passingWithoutHeartbeat_failsWithHeartbeatTimeoutThatStatesTimeoutCatches() throws Exception {
        String definition = """
                {"StartAt":"Approve","States":{
                 "Approve":{"Type":"Task","Resource":"%s","Parameters":{"token.$":"$$.Task.Token"},
                   "HeartbeatSeconds":10,
                   "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},
                            {"ErrorEquals":["States.Timeout"],"ResultPath":"$.error","Next":"Late"}],"End":true},
                 "Wrong":{"Type":"Fail","Error":"Wrong"},
                 "Late":{"Type":"Pass","End":true}}}""".formatted(CALLBACK);
        CompletableFuture<ExecutionResult> run = start(definition);

        clock.advance(Duration.ofSeconds(11));
        ExecutionResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("error").path("Error").asText()).isEqualTo("States.HeartbeatTimeout");
    }

    @Test
    void jsonataState_seesTheTokenInItsContext() throws Exception {
        CompletableFuture<ExecutionResult> run = start("""
                {"QueryLanguage":"JSONata","StartAt":"Approve","States":{
                 "Approve":{"Type":"Task","Resource":"%s","Arguments":{"token":"{%% $states.context.Task.Token %%}"},
                   "End":true}}}""".formatted(CALLBACK));

        engine.tokens().succeed(token.get(), json("\"approved\""));

        assertThat(run.get(PATIENCE_SECONDS, TimeUnit.SECONDS).output()).isEqualTo(json("\"approved\""));
    }

    @Test
    void parse_heartbeatNotBelowTimeout_isRefused() {
        assertThatThrownBy(() -> StateMachine.parse(machine("\"TimeoutSeconds\":10,\"HeartbeatSeconds\":10,")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/Approve/HeartbeatSeconds");
    }
}
