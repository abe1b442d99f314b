package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.workflow.FinalizeStep;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.MediaRef;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.wiring.Services;

/** Finalize state: the job becomes SUCCEEDED with its outputs; an approved clip enters the prompt cache. */
public final class FinalizeHandler extends JsonHandler {
    private final FinalizeStep step;

    public FinalizeHandler() {
        this(Services.fromEnvironment());
    }

    public FinalizeHandler(Services services) {
        super(services.json());
        this.step = new FinalizeStep(
                services.clips(), services.jobs(), services.cache(), services.json(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(
                field(input, "job", JobTicket.class),
                field(input, "review", ReviewOutcome.class),
                field(input, "media", MediaRef.class));
    }
}
