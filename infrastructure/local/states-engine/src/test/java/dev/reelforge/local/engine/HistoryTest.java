package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final String PIPELINE = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":{"ok":true},"ResultPath":"$.prep","Next":"Render"},
              "Render":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","Parameters":{"clip.$":"$.clip"},
                        "ResultPath":"$.render","Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.render.frames","NumericGreaterThan":0,"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}""";

    @Test
    void history_passTaskChoiceSucceed_hasAwsEventSequenceAndDetails() {
        List<HistoryEvent> heard = Collections.synchronizedList(new ArrayList<>());
        Engine engine = new Engine((r, in, c) -> json("{\"frames\":24}"), new VirtualClock())
                .withListener(new ExecutionListener() {
                    @Override
                    public void onEvent(HistoryEvent e) {
                        heard.add(e);
                    }
                });
        ExecutionResult result =
                engine.run(StateMachine.parse(PIPELINE), Fixtures.ARN, "run-42", json("{\"clip\":\"c1\"}"));

        assertThat(Fixtures.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSubmitted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "SucceedStateEntered",
                        "SucceedStateExited",
                        "ExecutionSucceeded");
        assertThat(heard).isEqualTo(result.history());
        assertThat(result.executionArn()).isEqualTo("arn:aws:states:eu-west-1:123456789012:execution:Clip:run-42");
        for (int i = 0; i < result.history().size(); i++) {
            assertThat(result.history().get(i).id()).isEqualTo(i + 1);
            assertThat(result.history().get(i).previousEventId()).isEqualTo(i);
        }
        JsonNode scheduled = result.history().get(4).details().get("taskScheduledEventDetails");
        assertThat(scheduled.get("resourceType").asText()).isEqualTo("ecs");
        assertThat(scheduled.get("resource").asText()).isEqualTo("runTask.sync");
        assertThat(scheduled.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(json(scheduled.get("parameters").asText())).isEqualTo(json("{\"clip\":\"c1\"}"));
        JsonNode entered = result.history().get(3).details().get("stateEnteredEventDetails");
        assertThat(entered.get("name").asText()).isEqualTo("Render");
        assertThat(json(entered.get("input").asText())).isEqualTo(json("{\"clip\":\"c1\",\"prep\":{\"ok\":true}}"));
        assertThat(result.history()
                        .get(0)
                        .details()
                        .at("/executionStartedEventDetails/input")
                        .asText())
                .isEqualTo("{\"clip\":\"c1\"}");
        assertThat(json(result.history()
                        .get(13)
                        .details()
                        .at("/executionSucceededEventDetails/output")
                        .asText()))
                .isEqualTo(result.output());
    }

    @Test
    void history_bareLambdaArn_recordsLambdaFunctionEventsAsAws() {
        String arn = "arn:aws:lambda:us-east-2:123456789012:function:score";
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","TimeoutSeconds":30,"End":true}}}""".formatted(arn);
        ExecutionResult result = Fixtures.run(definition, "{\"clip\":1}", (r, in, c) -> json("{\"score\":9}"));

        assertThat(Fixtures.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
        JsonNode scheduled = result.history().get(2).details().get("lambdaFunctionScheduledEventDetails");
        assertThat(scheduled.get("resource").asText()).isEqualTo(arn);
        assertThat(json(scheduled.get("input").asText())).isEqualTo(json("{\"clip\":1}"));
        assertThat(scheduled.get("timeoutInSeconds").asInt()).isEqualTo(30);
        assertThat(result.history().get(3).details().isEmpty()).isTrue();
        assertThat(json(result.history()
                        .get(4)
                        .details()
                        .at("/lambdaFunctionSucceededEventDetails/output")
                        .asText()))
                .isEqualTo(json("{\"score\":9}"));
    }

    @Test
    void history_bareLambdaArnFails_recordsLambdaFunctionFailedWithErrorAndCause() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-2:123456789012:function:score:live","End":true}}}""";
        ExecutionResult result = Fixtures.run(definition, "{}", (r, in, c) -> {
            throw new TaskFailedException("com.example.Boom", "{\"errorMessage\":\"boom\"}");
        });

        assertThat(Fixtures.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionFailed",
                        "ExecutionFailed");
        JsonNode failed = result.history().get(4).details().get("lambdaFunctionFailedEventDetails");
        assertThat(failed.get("error").asText()).isEqualTo("com.example.Boom");
        assertThat(failed.get("cause").asText()).isEqualTo("{\"errorMessage\":\"boom\"}");
    }

    @Test
    void history_lambdaInvokeIntegration_reportsLambdaInvokeTaskEvents() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""";
        ExecutionResult result = Fixtures.run(definition, "{}");
        JsonNode scheduled = result.history().get(2).details().get("taskScheduledEventDetails");

        assertThat(scheduled.get("resourceType").asText()).isEqualTo("lambda");
        assertThat(scheduled.get("resource").asText()).isEqualTo("invoke");
        assertThat(scheduled.get("region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void history_syncIntegration_recordsTaskSubmittedBeforeTaskSucceeded() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","End":true}}}""";
        ExecutionResult result = Fixtures.run(definition, "{}");

        assertThat(Fixtures.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSubmitted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
        assertThat(result.history()
                        .get(4)
                        .details()
                        .at("/taskSubmittedEventDetails/resource")
                        .asText())
                .isEqualTo("startExecution.sync:2");
    }

    @Test
    void history_failedTask_endsWithTaskFailedAndExecutionFailed() {
        ExecutionResult result = Fixtures.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}""", "{}", (r, in, c) -> {
            throw new TaskFailedException("Provider.Down", "503");
        });

        assertThat(Fixtures.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskFailed",
                        "ExecutionFailed");
        assertThat(result.history()
                        .get(5)
                        .details()
                        .at("/executionFailedEventDetails/error")
                        .asText())
                .isEqualTo("Provider.Down");
    }

    @Test
    void engine_concurrentExecutions_areIndependent() throws Exception {
        Engine engine = new Engine(
                (r, in, c) -> json("{\"frames\":" + in.get("clip").asText().length() + "}"), EngineClock.system());
        StateMachine machine = StateMachine.parse(PIPELINE);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExecutionResult>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String clip = "c".repeat(i + 1);
                runs.add(() ->
                        engine.run(machine, Fixtures.ARN, "e" + clip.length(), json("{\"clip\":\"" + clip + "\"}")));
            }
            List<Future<ExecutionResult>> results = callers.invokeAll(runs);
            for (int i = 0; i < results.size(); i++) {
                ExecutionResult result = results.get(i).get();
                assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
                assertThat(result.output().at("/render/frames").asInt()).isEqualTo(i + 1);
                assertThat(result.history()).hasSize(14);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void history_parametersWrapAnInputAsDeepAsJacksonReads_recordsItAndSucceeds() {
        String input = "{\"a\":" + "[".repeat(999) + "]".repeat(999) + "}";
        String definition = """
                {"StartAt":"Wrap","States":{"Wrap":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f",
                 "Parameters":{"input.$":"$"},"ResultPath":null,"End":true}}}""";

        ExecutionResult result = Fixtures.run(definition, input, (r, in, c) -> json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Fixtures.types(result)).contains("LambdaFunctionScheduled", "LambdaFunctionSucceeded");
    }

    @Test
    void stateExited_withAssign_listsTheAssignedVariablesAsJsonText() {
        ExecutionResult result = Fixtures.run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"n":1,"s.$":"$.name"},"Next":"Q"},
                 "Q":{"Type":"Pass","End":true}}}""", "{\"name\":\"ada\"}");

        HistoryEvent assigning = result.history().stream()
                .filter(e -> e.type().equals("PassStateExited"))
                .findFirst()
                .orElseThrow();
        HistoryEvent plain = result.history().stream()
                .filter(e -> e.type().equals("PassStateExited"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        assertThat(assigning.details().path("stateExitedEventDetails").path("assignedVariables"))
                .isEqualTo(json("{\"n\":\"1\",\"s\":\"\\\"ada\\\"\"}"));
        assertThat(plain.details().path("stateExitedEventDetails").has("assignedVariables"))
                .isFalse();
    }
}
