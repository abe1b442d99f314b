package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.dynamodb.DynamoDbApprovalTokens;
import dev.reelforge.aws.sfn.SfnTaskCallback;
import dev.reelforge.core.approval.ApprovalDecision;
import dev.reelforge.core.approval.ApprovalStep;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.ApprovalTokens;
import dev.reelforge.core.port.TaskCallback;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The approval function, by {@code action}: {@code await} (WaitForApproval's call with its task token), {@code decide}
 * (the approval API, from a SaaS backend or {@code reelforge serve}: a reviewer's decision on one revision),
 * {@code waiting} (which revision waits) and {@code changes} (ReviewerChanges: a change request as the next round's
 * review).
 */
public final class ApprovalHandler extends JsonHandler {
    private final ApprovalStep step;

    public ApprovalHandler() {
        this(Services.fromEnvironment(), Services.fromEnvironment().aws());
    }

    private ApprovalHandler(Services services, AwsClients aws) {
        this(
                services,
                new DynamoDbApprovalTokens(
                        aws.dynamoDb(), HandlerConfig.fromEnvironment().cacheTable()),
                new SfnTaskCallback(aws.sfn()));
    }

    public ApprovalHandler(Services services, ApprovalTokens tokens, TaskCallback callback) {
        super(services.json());
        this.step = new ApprovalStep(services.jobs(), tokens, callback, services.json(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        String action = input.path("action").asText("");
        return switch (action) {
            case "await" ->
                summary(step.await(
                        input.path("jobId").asText(),
                        input.path("revision").asInt(),
                        input.path("token").asText(),
                        input.path("timeoutSeconds").asLong()));
            case "decide" -> summary(step.decide(input.path("jobId").asText(), ApprovalDecision.parse(input)));
            case "waiting" -> waiting(input.path("jobId").asText());
            case "changes" ->
                step.changes(
                        field(input, "job", JobTicket.class),
                        field(input, "round", RenderRound.class),
                        field(input, "review", ReviewOutcome.class),
                        ApprovalDecision.parse(input.path("approval")),
                        input.path("request").path("prompt").asText(""));
            default ->
                throw InvalidRequestException.of(
                        "action", "must be await, decide, waiting or changes, not '" + action + "'");
        };
    }

    /** Which revision of the job waits for a decision ({@code null} when none does). */
    private Map<String, Object> waiting(String jobId) {
        OptionalInt revision = step.waiting(jobId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", jobId);
        out.put("waitingRevision", revision.isPresent() ? revision.getAsInt() : null);
        return out;
    }

    private static Map<String, Object> summary(JobRecord record) {
        return Map.of("jobId", record.jobId(), "status", record.status().name(), "reason", record.reason());
    }
}
