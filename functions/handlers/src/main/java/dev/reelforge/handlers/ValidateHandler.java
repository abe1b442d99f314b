package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ValidateStep;
import dev.reelforge.wiring.Services;
import java.util.Map;

/**
 * Validate state: checks the request and opens the job; its output becomes the whole workflow state. {@code request}
 * is the parsed, validated {@link RenderRequest}, which later states read as it is instead of parsing it again.
 */
public final class ValidateHandler extends JsonHandler {
    private final ValidateStep step;

    public ValidateHandler() {
        this(Services.fromEnvironment());
    }

    public ValidateHandler(Services services) {
        super(services.json());
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
        JobTicket job = step.run(request, input.path("jobId").asText());
        return Map.of(
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
