package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.approval.ApprovalGate;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ValidateStep;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.Map;

/**
 * Validate state: checks the request and opens the job; its output becomes the whole workflow state, with the
 * approval gate ({@code $.approval}) that {@code ApprovalRequired?} reads.
 */
public final class ValidateHandler extends JsonHandler {
    private final ValidateStep step;
    private final ApprovalGate approvalDefault;

    public ValidateHandler() {
        this(Services.fromEnvironment());
    }

    public ValidateHandler(Services services) {
        this(services, HandlerConfig.approvalFromEnvironment());
    }

    /** @param approvalDefault the gate for requests that do not say {@code "approval"} */
    public ValidateHandler(Services services, ApprovalGate approvalDefault) {
        super(services.json());
        this.approvalDefault = approvalDefault;
        this.step = new ValidateStep(
                services.parser(),
                services.validator(),
                services.jobs(),
                services.cache(),
                services.json(),
                services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        JsonNode request = step.requestOf(input.path("input"));
        ApprovalGate approval = ApprovalGate.of(request, approvalDefault);
        JobTicket job = step.run(request, input.path("jobId").asText());
        return Map.of(
                "approval",
                approval,
                "request",
                request,
                "job",
                job,
                "round",
                RenderRound.notStarted(),
                "review",
                ReviewOutcome.notReviewed());
    }
}
