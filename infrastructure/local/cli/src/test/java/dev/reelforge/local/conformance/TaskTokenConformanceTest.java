package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalTaskResolver;
import dev.reelforge.local.serve.LocalExecutions;
import dev.reelforge.local.serve.StepFunctionsApi;
import dev.reelforge.local.serve.StepFunctionsServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * WaitForApproval's three outcomes on a callback Task, run unmocked by the same SfnClient against
 * {@code reelforge serve} and LocalStack: approve (SendTaskSuccess), reject (SendTaskFailure with
 * RenderDeclinedException, caught) and timeout (TimeoutSeconds, caught as States.Timeout), with the history events
 * and the answers to a used or forged token. The Task is {@code events:putEvents.waitForTaskToken}, which both run
 * without a Lambda; render.asl.json's own approve and reject paths are mock-config cases of
 * {@link EngineConformanceTest} (a mocked callback cannot time out: LocalStack answers it at once).
 */
@Tag("localstack")
class TaskTokenConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Pattern TOKEN = Pattern.compile("token\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)");
    private static final String GATE = """
            {"StartAt":"WaitForApproval","States":{
             "WaitForApproval":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
              "Parameters":{"Entries":[{"Source":"dev.reelforge","DetailType":"Reelforge Approval Requested",
                "Detail":{"token.$":"$$.Task.Token","revision.$":"$.revision"}}]},
              "TimeoutSecondsPath":"$.timeoutSeconds","ResultPath":"$.decision",
              "Catch":[{"ErrorEquals":["dev.reelforge.core.error.RenderDeclinedException"],"ResultPath":"$.error","Next":"Declined"},
                       {"ErrorEquals":["States.Timeout"],"ResultPath":"$.error","Next":"TimedOut"}],
              "Next":"Approved"},
             "Approved":{"Type":"Succeed"},
             "Declined":{"Type":"Fail","Error":"Reelforge.Declined","CausePath":"$.error.Cause"},
             "TimedOut":{"Type":"Fail","Error":"Reelforge.ApprovalTimedOut","Cause":"no decision in time"}}}""";

    private static LocalExecutions executions;
    private static StepFunctionsServer server;
    private static LocalStackInstance localStack;
    private static SfnClient serve;
    private static SfnClient localStackSfn;

    @BeforeAll
    static void startBothEndpoints() {
        executions = new LocalExecutions(
                nested -> new LocalTaskResolver(Map.of(), env -> 0, JSON).withNested(nested),
                EngineClock.system(),
                JSON);
        server = StepFunctionsServer.start(0, new StepFunctionsApi(executions, JSON), JSON);
        serve = client(server.endpoint());
        localStack = ConformancePaths.localStack(ConformancePaths.repositoryRoot());
        localStackSfn = client(localStack.endpoint());
    }

    @AfterAll
    static void stopBothEndpoints() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {serve, localStackSfn, server, executions, localStack}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /**
     * @return each endpoint with the exception its SendTaskSuccess raises for the token of a closed task: AWS's
     *     {@code TaskTimedOut} ("Provided task does not exist anymore") on serve; LocalStack 2026.3.0 answers
     *     {@code InvalidToken} (CONFORMANCE.md, deviation 9)
     */
    static Stream<Named<String>> endpoints() {
        return Stream.of(Named.of("reelforge serve", "serve"), Named.of("LocalStack 2026.3.0", "localstack"));
    }

    private static SfnClient sfn(String endpoint) {
        return endpoint.equals("serve") ? serve : localStackSfn;
    }

    private static Class<? extends SfnException> closedTokenError(String endpoint) {
        return endpoint.equals("serve") ? TaskTimedOutException.class : InvalidTokenException.class;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void approve_succeedsWithTheOutput_andTheUsedTokenIsClosed(String endpoint) throws Exception {
        SfnClient sfn = sfn(endpoint);
        String arn = start(sfn, "approve", 60);
        String token = awaitToken(sfn, arn);

        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"decision\":\"approve\",\"revision\":1}"));
        DescribeExecutionResponse done = awaitEnd(sfn, arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(done.output())
                        .path("decision")
                        .path("decision")
                        .asText())
                .isEqualTo("approve");
        assertThat(types(sfn, arn))
                .containsSubsequence(
                        HistoryEventType.TASK_SCHEDULED,
                        HistoryEventType.TASK_STARTED,
                        HistoryEventType.TASK_SUBMITTED,
                        HistoryEventType.TASK_SUCCEEDED);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .as("a used token")
                .isInstanceOf(closedTokenError(endpoint));
        assertThatThrownBy(() ->
                        sfn.sendTaskSuccess(b -> b.taskToken("forged-" + RUN).output("{}")))
                .as("a forged token")
                .isInstanceOf(InvalidTokenException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void reject_failsWithTheCaughtReason(String endpoint) throws Exception {
        SfnClient sfn = sfn(endpoint);
        String arn = start(sfn, "reject", 60);
        String token = awaitToken(sfn, arn);

        sfn.sendTaskFailure(b -> b.taskToken(token)
                .error("dev.reelforge.core.error.RenderDeclinedException")
                .cause("too dark"));
        DescribeExecutionResponse done = awaitEnd(sfn, arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Reelforge.Declined");
        assertThat(done.cause()).isEqualTo("too dark");
        assertThat(types(sfn, arn)).contains(HistoryEventType.TASK_FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void timeout_withoutDecision_isCaughtAsStatesTimeout(String endpoint) throws Exception {
        SfnClient sfn = sfn(endpoint);
        String arn = start(sfn, "timeout", 1);
        String token = awaitToken(sfn, arn);

        DescribeExecutionResponse done = awaitEnd(sfn, arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Reelforge.ApprovalTimedOut");
        assertThat(types(sfn, arn)).contains(HistoryEventType.TASK_TIMED_OUT);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .as("the token of a timed-out task")
                .isInstanceOf(closedTokenError(endpoint));
    }

    private static String start(SfnClient sfn, String kind, int timeoutSeconds) {
        String name = "gate-" + kind + "-" + RUN;
        String machine = sfn.createStateMachine(b -> b.name(name)
                        .definition(GATE)
                        .roleArn("arn:aws:iam::000000000000:role/test")
                        .type(StateMachineType.STANDARD))
                .stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(machine)
                        .name("e1")
                        .input("{\"revision\":1,\"timeoutSeconds\":" + timeoutSeconds + "}"))
                .executionArn();
    }

    /** The token as the Task handed it on, read back from its TaskScheduled parameters once it is submitted. */
    private static String awaitToken(SfnClient sfn, String arn) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<HistoryEvent> events =
                    sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
            for (HistoryEvent event : events) {
                if (event.type() == HistoryEventType.TASK_SCHEDULED) {
                    Matcher m = TOKEN.matcher(event.taskScheduledEventDetails().parameters());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            assertThat(Instant.now())
                    .as("%s scheduled no Task with a token", arn)
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<HistoryEventType> types(SfnClient sfn, String arn) {
        return sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                .map(HistoryEvent::type)
                .toList();
    }

    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String arn) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        while (described.status() == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("%s still RUNNING", arn).isBefore(deadline);
            Thread.sleep(100);
            described = sfn.describeExecution(b -> b.executionArn(arn));
        }
        return described;
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(
                        c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }
}
