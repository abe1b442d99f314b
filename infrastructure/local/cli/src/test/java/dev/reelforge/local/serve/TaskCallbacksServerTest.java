package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalTaskResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** SendTaskSuccess/Failure/Heartbeat against {@code reelforge serve}'s endpoint, through the AWS SDK's SfnClient. */
class TaskCallbacksServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PATIENCE_SECONDS = 30;
    private static final BlockingQueue<String> INBOX = new LinkedBlockingQueue<>();
    /** A function that receives the token, as a queue or an approval function would, and returns at once. */
    private static final RequestStreamHandler INBOX_FUNCTION = (in, out, context) -> {
        INBOX.add(JSON.readTree(in).path("token").asText());
        out.write("{}".getBytes(StandardCharsets.UTF_8));
    };

    private static LocalExecutions executions;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        executions = new LocalExecutions(
                nested -> new LocalTaskResolver(Map.of("inbox", INBOX_FUNCTION), env -> 0, JSON).withNested(nested),
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

    private static String machine(String name, String fields) {
        String definition = """
                {"StartAt":"Wait","States":{"Wait":{"Type":"Task",
                 "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                 "Parameters":{"FunctionName":"inbox","Payload":{"token.$":"$$.Task.Token"}},%s"End":true}}}""".formatted(fields);
        return sfn.createStateMachine(b -> b.name(name)
                        .definition(definition)
                        .roleArn("arn:aws:iam::000000000000:role/test")
                        .type(StateMachineType.STANDARD))
                .stateMachineArn();
    }

    private static String[] started(String machine, String name) throws InterruptedException {
        String arn =
                sfn.startExecution(b -> b.stateMachineArn(machine).name(name)).executionArn();
        String token = INBOX.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(token).as("the function got a token").isNotNull();
        return new String[] {arn, token};
    }

    @Test
    void sendTaskSuccess_resumesTheExecution_andTheTokenCannotBeReused() throws InterruptedException {
        String[] run = started(machine("callback-success", ""), "s1");
        assertThat(sfn.describeExecution(b -> b.executionArn(run[0])).status()).isEqualTo(ExecutionStatus.RUNNING);

        sfn.sendTaskHeartbeat(b -> b.taskToken(run[1]));
        sfn.sendTaskSuccess(b -> b.taskToken(run[1]).output("{\"decision\":\"approve\"}"));
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, run[0], Duration.ofSeconds(PATIENCE_SECONDS));

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"decision\":\"approve\"}");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(run[1]).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(
                        () -> sfn.sendTaskSuccess(b -> b.taskToken(run[1] + "x").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void sendTaskFailure_failsTheExecutionWithTheCallersError() throws InterruptedException {
        String[] run = started(machine("callback-failure", ""), "f1");

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(run[1]).output("not json")))
                .isInstanceOf(InvalidOutputException.class);
        assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken(run[1]).error("e".repeat(257))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'error'");
        sfn.sendTaskFailure(b -> b.taskToken(run[1]).error("Rejected").cause("too dark"));
        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, run[0], Duration.ofSeconds(PATIENCE_SECONDS));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Rejected");
        assertThat(done.cause()).isEqualTo("too dark");
    }

    @Test
    void timeoutSeconds_withoutAnswer_failsWithStatesTimeout() throws InterruptedException {
        String[] run = started(machine("callback-timeout", "\"TimeoutSeconds\":1,"), "t1");

        DescribeExecutionResponse done = LocalSfnClients.awaitEnd(sfn, run[0], Duration.ofSeconds(PATIENCE_SECONDS));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(run[1])))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void stopExecution_whileWaiting_abortsAndClosesTheToken() throws InterruptedException {
        String[] run = started(machine("callback-stop", ""), "x1");

        sfn.stopExecution(b -> b.executionArn(run[0]).error("Stopped").cause("by the test"));

        assertThat(sfn.describeExecution(b -> b.executionArn(run[0])).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(executions.execution(run[0]).awaitEnd(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .isTrue();
    }
}
