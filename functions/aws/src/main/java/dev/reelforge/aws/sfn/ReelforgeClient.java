package dev.reelforge.aws.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * For SaaS backends: submit a render request, read its status, wait for the end, over the plain Step Functions
 * API (the input follows {@code infrastructure/statemachine/render-input.schema.json}). The job id is the
 * execution name, so submitting the same job id again returns the existing execution instead of paying twice.
 * Thread-safe.
 *
 * <pre>{@code
 * ReelforgeClient reelforge = new ReelforgeClient(SfnClient.create(), renderStateMachineArn, new ObjectMapper());
 * String arn = reelforge.submit("acme-order-1234", requestJson);
 * JobState done = reelforge.await(arn, Duration.ofMinutes(30), Duration.ofSeconds(5));
 * }</pre>
 */
public final class ReelforgeClient {
    private final SfnClient sfn;
    private final String renderStateMachineArn;
    private final ObjectMapper json;

    public ReelforgeClient(SfnClient sfn, String renderStateMachineArn, ObjectMapper json) {
        this.sfn = sfn;
        this.renderStateMachineArn = renderStateMachineArn;
        this.json = json;
    }

    /** Starts (or finds) the render of {@code request} as job {@code jobId}; returns the execution ARN. */
    public String submit(String jobId, JsonNode request) {
        ObjectNode input = json.createObjectNode();
        input.set("request", request);
        input.putObject("source").put("kind", "api");
        try {
            return sfn.startExecution(b ->
                            b.stateMachineArn(renderStateMachineArn).name(jobId).input(input.toString()))
                    .executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            return SfnRenderStarter.executionArn(renderStateMachineArn, jobId);
        }
    }

    /** The job as DescribeExecution reports it now. */
    public JobState status(String executionArn) {
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
        return new JobState(
                executionArn,
                described.status().toString(),
                parse(described.output()),
                described.error(),
                described.cause());
    }

    /** Polls {@link #status} every {@code interval} until the job leaves RUNNING. */
    public JobState await(String executionArn, Duration timeout, Duration interval)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobState state = status(executionArn);
            if (!state.running()) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(executionArn + " still running after " + timeout);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private JsonNode parse(String output) {
        if (output == null) {
            return null;
        }
        try {
            return json.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException("execution output is not JSON", e);
        }
    }

    /**
     * A job's state.
     *
     * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
     * @param output the job summary (outputs, verdict, cost) when SUCCEEDED, else {@code null}
     * @param error e.g. {@code Reelforge.RequestRejected} when the request was rejected
     */
    public record JobState(String executionArn, String status, JsonNode output, String error, String cause) {
        public boolean running() {
            return ExecutionStatus.RUNNING.toString().equals(status);
        }

        public boolean succeeded() {
            return ExecutionStatus.SUCCEEDED.toString().equals(status);
        }
    }
}
