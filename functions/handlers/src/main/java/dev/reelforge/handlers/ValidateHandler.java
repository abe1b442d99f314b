package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ValidateStep;
import dev.reelforge.wiring.Services;
import java.util.Map;

/** Validate state: checks the request and opens the job; its output becomes the whole workflow state. */
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
                services.json(),
                services.clock(),
                services.references());
    }

    @Override
    protected Object handle(JsonNode input) {
        JsonNode request = step.requestOf(input.path("input"));
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
