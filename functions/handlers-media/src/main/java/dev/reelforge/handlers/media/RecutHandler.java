package dev.reelforge.handlers.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.port.ClipRecutter;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RecutStep;
import dev.reelforge.handlers.JsonHandler;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.edit.FfmpegClipRecutter;
import dev.reelforge.wiring.Services;

/**
 * Recut state: the creator's re-cut of a finished clip, made with FFmpeg from the original's accepted clip and
 * returned as a completed round for ReviewScore. It needs FFmpeg, so it lives in the media package.
 */
public final class RecutHandler extends JsonHandler {
    private final RecutStep step;

    public RecutHandler() {
        this(Services.fromEnvironment(), new FfmpegClipRecutter(Ffmpeg.bundled()));
    }

    public RecutHandler(Services services, ClipRecutter recutter) {
        super(services.json());
        this.step = new RecutStep(services.clips(), services.jobs(), recutter, services.workDir(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(
                field(input, "request", RenderRequest.class),
                field(input, "job", JobTicket.class),
                field(input, "edit", EditPlan.class));
    }
}
