package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.PostProcessStep;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.wiring.Services;

/** PostProcess state: writes the MediaPlan the GPU media task executes next. */
public final class PostProcessHandler extends JsonHandler {
    private final Services services;
    private final PostProcessStep step;

    public PostProcessHandler() {
        this(Services.fromEnvironment());
    }

    public PostProcessHandler(Services services) {
        super(services.json());
        this.services = services;
        this.step = new PostProcessStep(services.clips(), services.jobs(), services.json(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(
                field(input, "request", RenderRequest.class),
                field(input, "job", JobTicket.class),
                field(input, "review", ReviewOutcome.class));
    }
}
