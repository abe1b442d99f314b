package dev.reelforge.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.approval.ApprovalGate;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ValidateStep;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.Map;

/**
 * Validate state: checks the request and opens the job; its output becomes the whole workflow state. {@code request}
 * is the parsed, validated {@link RenderRequest}, which later states read as it is instead of parsing it again;
 * {@code approval} is the approval gate ({@code ApprovalRequired?} reads it).
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
                services.clock(),
                services.references());
    }

    @Override
    protected Object handle(JsonNode input) {
        RenderRequest request = step.requestOf(input.path("input"));
        ApprovalGate approval = ApprovalGate.of(rawRequest(input.path("input")), approvalDefault);
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

    /** The request as sent (the schema has checked it already): the gate is a request field the record does not hold. */
    private JsonNode rawRequest(JsonNode executionInput) {
        if (executionInput.hasNonNull("request")) {
            return executionInput.get("request");
        }
        try {
            return json().readTree(executionInput.path("requestText").asText("{}"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request the parser accepted no longer parses", e);
        }
    }
}
