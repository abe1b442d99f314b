package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.PollStep;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.wiring.Services;

/** Poll state: the provider's progress; finished clips are copied into the clip store. */
public final class PollHandler extends JsonHandler {
    private final PollStep step;

    public PollHandler() {
        this(Services.fromEnvironment());
    }

    public PollHandler(Services services) {
        super(services.json());
        this.step = new PollStep(
                services::provider,
                services.clips(),
                services.jobs(),
                services.json(),
                services.workDir(),
                services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(field(input, "job", JobTicket.class), field(input, "round", RenderRound.class));
    }
}
