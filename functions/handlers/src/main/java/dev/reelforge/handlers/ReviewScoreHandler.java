package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewStep;
import dev.reelforge.handlers.config.Services;

/** ReviewScore state: scores the round's clips and returns the verdict the state machine switches on. */
public final class ReviewScoreHandler extends JsonHandler {
    private final Services services;
    private final ReviewStep step;

    public ReviewScoreHandler() {
        this(Services.fromEnvironment());
    }

    public ReviewScoreHandler(Services services) {
        super(services.json());
        this.services = services;
        this.step = new ReviewStep(services.clips(), services.probe(), services.analyzer(), services.jobs(), services.json(),
                services.workDir(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(services.parser().parse(input.get("request")), field(input, "job", JobTicket.class),
                field(input, "round", RenderRound.class));
    }
}
