package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.sfn.SfnRenderStarter;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.ingest.IngestStep;
import dev.reelforge.core.ingest.ObjectCreated;
import dev.reelforge.core.port.RenderStarter;
import dev.reelforge.core.port.RenderStarter.StartedExecution;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import dev.reelforge.wiring.StateMachineArns;
import java.util.Map;

/**
 * Entry point for events: an EventBridge "Object Created" event for {@code requests/<tenant>/<name>.json} starts a
 * render; the batch schedule's payload ({@code "source": "reelforge.schedule"}) starts a batch. Execution names
 * come from the event, so a redelivered event reports the execution it already started.
 */
public final class IngestHandler extends JsonHandler {
    static final String SCHEDULE_SOURCE = "reelforge.schedule";
    private final IngestStep step;

    public IngestHandler() {
        this(
                Services.fromEnvironment(),
                new SfnRenderStarter(Services.fromEnvironment().aws().sfn()),
                HandlerConfig.stateMachineArnsFromEnvironment());
    }

    public IngestHandler(Services services, RenderStarter starter, StateMachineArns machines) {
        super(services.json());
        this.step = new IngestStep(services.clips(), starter, services.json(), machines.render(), machines.batch());
    }

    @Override
    protected Object handle(JsonNode event) {
        StartedExecution started;
        if (ObjectCreated.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            started = step.onUpload(ObjectCreated.fromEvent(event));
        } else if (SCHEDULE_SOURCE.equals(event.path("source").asText())) {
            started = step.onSchedule(event);
        } else {
            throw InvalidRequestException.of(
                    "source",
                    "Ingest takes S3 'Object Created' events and the batch schedule, got "
                            + event.path("source").asText("no source"));
        }
        return Map.of("executionArn", started.executionArn(), "alreadyStarted", started.alreadyStarted());
    }
}
