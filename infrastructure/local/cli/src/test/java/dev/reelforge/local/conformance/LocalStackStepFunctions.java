package dev.reelforge.local.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The Step Functions API of a LocalStack, through the AWS SDK as any client would use it: deploys state machines,
 * starts mocked test cases ({@code <stateMachineArn>#<testCase>}) and reads back what happened as an
 * {@link ExecutionTrace}.
 */
public final class LocalStackStepFunctions implements AutoCloseable {
    /** LocalStack's default account and region, the ones Reelforge's local ARNs use too. */
    public static final String ROLE_ARN = "arn:aws:iam::000000000000:role/reelforge-state-machine";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final SfnClient sfn;
    private final ObjectMapper json;

    public LocalStackStepFunctions(URI endpoint, ObjectMapper json) {
        this.sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
        this.json = json;
    }

    /** Creates the standard state machine, or updates its definition when one of that name exists; returns its ARN. */
    public String deploy(String name, String definition) {
        for (StateMachineListItem existing :
                sfn.listStateMachinesPaginator(r -> {}).stateMachines()) {
            if (existing.name().equals(name)) {
                sfn.updateStateMachine(
                        r -> r.stateMachineArn(existing.stateMachineArn()).definition(definition));
                return existing.stateMachineArn();
            }
        }
        return sfn.createStateMachine(r ->
                        r.name(name).definition(definition).roleArn(ROLE_ARN).type(StateMachineType.STANDARD))
                .stateMachineArn();
    }

    /** Starts the mock configuration's test case on the state machine; returns the execution ARN. */
    public String startTestCase(String stateMachineArn, String testCase, String executionName, JsonNode input) {
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn + "#" + testCase)
                        .name(executionName)
                        .input(input.toString()))
                .executionArn();
    }

    /** Waits for the execution to end and returns its trace. */
    public Ended awaitEnd(String executionArn, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        while (execution.status() == ExecutionStatus.RUNNING) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(executionArn + " still RUNNING after " + timeout);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        }
        List<HistoryEvent> history = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000))
                .events()
                .forEach(history::add);
        return new Ended(trace(execution, history), Duration.between(execution.startDate(), execution.stopDate()));
    }

    private ExecutionTrace trace(DescribeExecutionResponse execution, List<HistoryEvent> history) {
        List<String> entered = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (HistoryEvent event : history) {
            types.add(event.typeAsString());
            if (event.stateEnteredEventDetails() != null) {
                entered.add(event.stateEnteredEventDetails().name());
            }
        }
        HistoryEvent last = history.get(history.size() - 1);
        String error = null;
        String cause = null;
        if (last.executionFailedEventDetails() != null) {
            error = last.executionFailedEventDetails().error();
            cause = last.executionFailedEventDetails().cause();
        } else if (last.executionTimedOutEventDetails() != null) {
            error = last.executionTimedOutEventDetails().error();
            cause = last.executionTimedOutEventDetails().cause();
        }
        JsonNode output = execution.status() == ExecutionStatus.SUCCEEDED ? parse(execution.output()) : null;
        return new ExecutionTrace(execution.statusAsString(), output, error, cause, entered, types);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("LocalStack returned an output that is not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        sfn.close();
    }

    /** An ended execution's trace and how long it ran on LocalStack. */
    public record Ended(ExecutionTrace trace, Duration duration) {}
}
