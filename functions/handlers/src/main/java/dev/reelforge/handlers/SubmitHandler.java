package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.SubmitStep;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.function.Supplier;

/** Submit state: starts a round at the provider (initial, remix or regenerate). */
public final class SubmitHandler extends JsonHandler {
    private final Services services;
    private final SubmitStep step;

    public SubmitHandler() {
        this(Services.fromEnvironment(), HandlerConfig.webhookRouteFromEnvironment());
    }

    /** A Submit that only ever polls: no webhook endpoint. */
    public SubmitHandler(Services services) {
        this(services, WebhookRoute.NONE);
    }

    public SubmitHandler(Services services, WebhookRoute webhooks) {
        this(services, () -> webhooks);
    }

    /**
     * With where providers call back, read per call ({@code reelforge serve} knows its port only once it listens): a
     * model whose capability data offers webhooks is asked to call back there.
     */
    public SubmitHandler(Services services, Supplier<WebhookRoute> webhooks) {
        super(services.json());
        this.services = services;
        this.step = new SubmitStep(
                services::provider,
                services.jobs(),
                services.json(),
                services.clock(),
                services.dailyBudget(),
                services::clips,
                services.workDir(),
                webhooks,
                job -> services.catalog()
                        .find(job.provider(), job.model())
                        .map(ModelCapabilities::webhooks)
                        .orElse(false));
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
