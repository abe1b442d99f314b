package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.sfn.ReelforgeClient;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalTaskResolver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The Step Functions protocol of {@code reelforge serve}, driven by the AWS SDK v2 SfnClient, on small definitions. */
class StepFunctionsServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::000000000000:role/test";
    private static final String PASS = """
            {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.who)"},"End":true}}}""";
    private static final String WAIT = """
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    private static final String FAIL = """
            {"StartAt":"No","States":{"No":{"Type":"Fail","Error":"Child.Broke","Cause":"on purpose"}}}""";

    private static LocalExecutions executions;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        executions = new LocalExecutions(
                nested -> new LocalTaskResolver(Map.of(), env -> 0, JSON).withNested(nested),
                EngineClock.system(),
                JSON);
        server = StepFunctionsServer.start(0, new StepFunctionsApi(executions, JSON), JSON);
        sfn = LocalSfnClients.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
        executions.close();
    }

    private static String create(String name, String definition, StateMachineType type) {
        return sfn.createStateMachine(
                        b -> b.name(name).definition(definition).roleArn(ROLE).type(type))
                .stateMachineArn();
    }

    @Test
    void startExecution_passMachine_succeedsWithHistoryAndListing() throws InterruptedException {
        String machine = create("greeter", PASS, StateMachineType.STANDARD);

        String arn = sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("first").input("{\"who\":\"reelforge\"}"))
                .executionArn();
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, arn, Duration.ofSeconds(30));

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:greeter:first");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"greeting\":\"hello reelforge\"}");
        assertThat(done.startDate()).isNotNull();
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(arn)).events())
                .extracting(e -> e.type())
                .startsWith(HistoryEventType.EXECUTION_STARTED)
                .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(arn))
                        .events()
                        .get(0)
                        .executionStartedEventDetails()
                        .input())
                .isEqualTo("{\"who\":\"reelforge\"}");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                .extracting(e -> e.name())
                .contains("first");
        assertThatThrownBy(() -> sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("first").input("{\"who\":\"x\"}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void startExecution_sameNameWhileRunning_isIdempotentAndStopAborts() throws InterruptedException {
        String machine = create("waiter", WAIT, StateMachineType.STANDARD);
        String arn = sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("job-1").input("{\"n\":1}"))
                .executionArn();

        String again = sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("job-1").input("{\"n\":1}"))
                .executionArn();
        assertThat(again).isEqualTo(arn);
        assertThatThrownBy(() -> sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("job-1").input("{\"n\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);

        sfn.stopExecution(b -> b.executionArn(arn).error("User.Cancelled").cause("test"));
        DescribeExecutionResponse stopped = LocalSfnClients.awaitEnd(sfn, arn, Duration.ofSeconds(10));
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("User.Cancelled");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
                        .executions())
                .hasSize(1);
    }

    @Test
    void startSyncExecution_expressOnly_asOnAws() {
        String express = create("express-greeter", PASS, StateMachineType.EXPRESS);
        String standard = create("standard-greeter", PASS, StateMachineType.STANDARD);

        StartSyncExecutionResponse result =
                sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"who\":\"sync\"}"));

        assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo("{\"greeting\":\"hello sync\"}");
        assertThatThrownBy(() ->
                        sfn.startSyncExecution(b -> b.stateMachineArn(standard).input("{}")))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void startSyncExecution_jsonataMachineWithVariables_runsAsOnAws() {
        String machine = create("jsonata-greeter", """
                {"QueryLanguage":"JSONata","StartAt":"Remember","States":{
                  "Remember":{"Type":"Pass","Assign":{"who":"{% $states.input.who %}"},"Next":"Greet"},
                  "Greet":{"Type":"Pass","Output":{"greeting":"{% 'hello ' & $who %}"},"End":true}}}""", StateMachineType.EXPRESS);

        StartSyncExecutionResponse result =
                sfn.startSyncExecution(b -> b.stateMachineArn(machine).input("{\"who\":\"ada\"}"));

        assertThat(result.output()).isEqualTo("{\"greeting\":\"hello ada\"}");
    }

    @Test
    void createStateMachine_featureTheEngineDoesNotRun_isAValidationExceptionNamingTheField() {
        String distributed = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"PARQUET"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                  "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";

        assertThatThrownBy(() -> create("distributed", distributed, StateMachineType.STANDARD))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("/States/M/ItemReader/ReaderConfig/InputType");
    }

    @Test
    void nestedStartExecutionSync2_returnsChildOutputAndFailsWithTaskFailed() throws InterruptedException {
        String child = create("child-ok", PASS, StateMachineType.STANDARD);
        String failing = create("child-fails", FAIL, StateMachineType.STANDARD);
        String parent = create("parent", """
                {"StartAt":"Ok","States":{
                  "Ok":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                        "Parameters":{"StateMachineArn":"%s","Input":{"who":"child"}},"ResultSelector":{"out.$":"$.Output"},
                        "ResultPath":"$.ok","Next":"Broken"},
                  "Broken":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                        "Parameters":{"StateMachineArn":"%s","Name":"broken-child"},
                        "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"Done"}],"End":true},
                  "Done":{"Type":"Pass","End":true}}}""".formatted(child, failing), StateMachineType.STANDARD);

        String arn =
                sfn.startExecution(b -> b.stateMachineArn(parent).input("{}")).executionArn();
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, arn, Duration.ofSeconds(30));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = read(done.output());
        assertThat(output.path("ok").path("out").path("greeting").asText()).isEqualTo("hello child");
        assertThat(output.path("failure").path("Error").asText()).isEqualTo("States.TaskFailed");
        assertThat(read(output.path("failure").path("Cause").asText())
                        .path("Error")
                        .asText())
                .isEqualTo("Child.Broke");
        assertThat(sfn.describeExecution(b -> b.executionArn(
                                "arn:aws:states:us-east-1:000000000000:execution:child-fails:broken-child"))
                        .status())
                .isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void errors_haveAwsShapes() throws IOException, InterruptedException {
        String missing = "arn:aws:states:us-east-1:000000000000:execution:greeter:nope";
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(missing)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.describeStateMachine(
                        b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:nope")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> create("broken", "{\"StartAt\":\"Missing\",\"States\":{}}", StateMachineType.STANDARD))
                .isInstanceOf(InvalidDefinitionException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("unknown").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("unknown")))
                .isInstanceOf(InvalidTokenException.class);

        HttpResponse<String> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                                .header("Content-Type", "application/x-amz-json-1.0")
                                .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\":\"" + missing + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(read(raw.body()).path("__type").asText()).isEqualTo("ExecutionDoesNotExist");
        assertThat(read(raw.body()).path("message").asText()).contains(missing);
    }

    @Test
    void stateMachines_createDescribeListDelete() {
        String arn = create("lifecycle", PASS, StateMachineType.STANDARD);
        assertThat(create("lifecycle", PASS, StateMachineType.STANDARD))
                .as("same definition: idempotent")
                .isEqualTo(arn);

        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition())
                .isEqualTo(PASS);
        assertThat(sfn.listStateMachines().stateMachines())
                .extracting(m -> m.name())
                .contains("lifecycle");

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThat(sfn.listStateMachines().stateMachines())
                .extracting(m -> m.name())
                .doesNotContain("lifecycle");
    }

    @Test
    void reelforgeClient_submitSameJobTwice_returnsOneExecutionAndAwaitsItsEnd() throws Exception {
        String machine = create(
                "echo",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                StateMachineType.STANDARD);
        ReelforgeClient client = new ReelforgeClient(sfn, machine, JSON);
        JsonNode request = JSON.readTree("{\"tenant\":\"acme\",\"clientRequestId\":\"o-1\",\"prompt\":\"p\"}");

        String arn = client.submit("acme-o-1", request);
        ReelforgeClient.JobState done = client.await(arn, Duration.ofSeconds(30), Duration.ofMillis(50));

        assertThat(client.submit("acme-o-1", request)).isEqualTo(arn);
        assertThat(done.succeeded()).isTrue();
        assertThat(done.output().path("request")).isEqualTo(request);
        assertThat(done.output().path("source").path("kind").asText()).isEqualTo("api");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                .hasSize(1);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
