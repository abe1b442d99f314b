package dev.reelforge.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.RenderRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Plans the polish: which clip (the approved one, or the cached one), which renditions, written as a
 * {@link MediaPlan} document that the media task (an ECS container on AWS, in-process locally) executes.
 */
public final class PostProcessStep {
    private final ClipStore clips;
    private final JobStore jobs;
    private final ObjectMapper json;
    private final Clock clock;

    public PostProcessStep(ClipStore clips, JobStore jobs, ObjectMapper json, Clock clock) {
        this.clips = clips;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    public MediaRef run(RenderRequest request, JobTicket job, ReviewOutcome review) {
        String source = job.cacheHit() ? job.cachedClipKey() : review.bestClipKey();
        MediaPlan plan = new MediaPlan(job.jobId(), job.tenant(), source, StorageKeys.outputPrefix(job.tenant(), job.jobId()),
                renditions(request), true);
        String planKey = StorageKeys.mediaPlan(job.tenant(), job.jobId());
        try {
            clips.putBytes(planKey, json.writeValueAsBytes(plan), "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        jobs.update(job.jobId(), r -> r.withStatus(JobStatus.POST_PROCESSING, "", clock.instant()));
        return new MediaRef(planKey, StorageKeys.mediaResult(job.tenant(), job.jobId()), source);
    }

    /**
     * The native frame at the requested resolution, plus a square crop for feeds that favour 1:1. Platform
     * renditions at 1080p are configured per deployment once post-processing grows (see the roadmap).
     */
    static List<Rendition> renditions(RenderRequest request) {
        FrameSize size = request.settings().frameSize();
        String nativeName = request.settings().aspectRatio().label().replace(':', 'x') + "-" + request.settings().resolution().label();
        int square = Math.min(size.width(), size.height());
        return List.of(
                new Rendition(nativeName, size.width(), size.height(), Rendition.Fit.CROP),
                new Rendition("1x1-" + square, square, square, Rendition.Fit.CROP));
    }
}
