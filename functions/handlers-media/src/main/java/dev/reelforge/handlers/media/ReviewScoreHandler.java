package dev.reelforge.handlers.media;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.port.FrameComparison;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewStep;
import dev.reelforge.core.workflow.SequenceStep;
import dev.reelforge.core.workflow.ShotResult;
import dev.reelforge.handlers.JsonHandler;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import dev.reelforge.media.analysis.FfmpegFrameComparison;
import dev.reelforge.media.analysis.FfmpegFrameSampler;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.List;

/**
 * ReviewScore state: scores the round's clips and returns the verdict the state machine switches on. It is the
 * one handler that always needs FFmpeg (the one-pass analysis, and the stills of the optional visual judge), so it
 * lives in the media package. With {@code "sequence": true} it reviews a multi-shot sequence whose shots were each
 * accepted ({@link SequenceStep}).
 */
public final class ReviewScoreHandler extends JsonHandler {
    private final Services services;
    private final ReviewStep step;
    private final SequenceStep sequence;

    public ReviewScoreHandler() {
        this(Services.fromEnvironment(), Ffmpeg.bundled());
    }

    private ReviewScoreHandler(Services services, Ffmpeg ffmpeg) {
        this(
                services,
                new FfmpegClipAnalyzer(ffmpeg),
                HandlerConfig.judgeFromEnvironment()
                        .judging(
                                new FfmpegFrameSampler(ffmpeg),
                                Services.secretsManager(
                                        HandlerConfig.fromEnvironment().region()),
                                services.json(),
                                services.clock()));
    }

    public ReviewScoreHandler(Services services, ClipAnalyzer analyzer, ClipJudging judging) {
        this(services, analyzer, judging, new FfmpegFrameComparison(Ffmpeg.bundled()));
    }

    public ReviewScoreHandler(Services services, ClipAnalyzer analyzer, ClipJudging judging, FrameComparison frames) {
        super(services.json());
        this.services = services;
        this.step = new ReviewStep(
                services.clips(),
                analyzer,
                services.jobs(),
                services.json(),
                services.workDir(),
                services.clock(),
                judging,
                services::provider,
                frames);
        this.sequence = new SequenceStep(
                services.clips(),
                services.jobs(),
                services.json(),
                services.clock(),
                job -> services.catalog()
                        .find(job.provider(), job.model())
                        .orElseThrow(() -> new IllegalStateException("the capability data lost " + job.provider() + "/"
                                + job.model() + " after Validate accepted it")));
    }

    @Override
    protected Object handle(JsonNode input) {
        if (input.path("sequence").asBoolean(false)) {
            return sequence.run(
                    field(input, "request", RenderRequest.class),
                    field(input, "job", JobTicket.class),
                    json().convertValue(input.get("shots"), new TypeReference<List<ShotResult>>() {}));
        }
        return step.run(
                field(input, "request", RenderRequest.class),
                field(input, "job", JobTicket.class),
                field(input, "round", RenderRound.class));
    }
}
