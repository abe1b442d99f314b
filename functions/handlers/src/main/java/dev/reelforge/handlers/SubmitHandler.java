package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.SubmitStep;
import dev.reelforge.wiring.Services;

/** Submit state: starts a round at the provider (initial, remix or regenerate). */
public final class SubmitHandler extends JsonHandler {
    private final Services services;
    private final SubmitStep step;

    public SubmitHandler() {
        this(Services.fromEnvironment());
    }

    public SubmitHandler(Services services) {
        super(services.json());
        this.services = services;
        this.step = new SubmitStep(
                services::provider, services.jobs(), services.json(), services.clock(), services.dailyBudget());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(
                field(input, "request", RenderRequest.class),
                field(input, "job", JobTicket.class),
                field(input, "round", RenderRound.class),
                field(input, "review", ReviewOutcome.class));
    }
}
