package dev.reelforge.handlers.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.port.ClipProbe;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewStep;
import dev.reelforge.handlers.JsonHandler;
import dev.reelforge.handlers.config.Services;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;

/**
 * ReviewScore state: scores the round's clips and returns the verdict the state machine switches on. It is the
 * one handler that always needs FFmpeg (ffprobe and the one-pass analysis), so it lives in the media package.
 */
public final class ReviewScoreHandler extends JsonHandler {
    private final Services services;
    private final ReviewStep step;

    public ReviewScoreHandler() {
        this(Services.fromEnvironment(), new FfprobeClipProbe(Ffmpeg.bundled()), new FfmpegClipAnalyzer(Ffmpeg.bundled()));
    }

    public ReviewScoreHandler(Services services, ClipProbe probe, ClipAnalyzer analyzer) {
        super(services.json());
        this.services = services;
        this.step = new ReviewStep(services.clips(), probe, analyzer, services.jobs(), services.json(), services.workDir(),
                services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        return step.run(services.parser().parse(input.get("request")), field(input, "job", JobTicket.class),
                field(input, "round", RenderRound.class));
    }
}
