package dev.reelforge.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.job.VersionLink;
import dev.reelforge.core.media.AudioPolish;
import dev.reelforge.core.media.Grade;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.media.ProvenanceRecord;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.media.RenditionSet;
import dev.reelforge.core.media.Watermark;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.RenderRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Plans the polish: which clip (the approved one, or the cached one; a cached sequence's shot originals, stitched
 * again), which renditions, the default grade
 * (slightly less saturation), audio polish (12 % ambient reduction, −14 LUFS, −1 dBTP) and "AI-generated"
 * watermark, and the provenance facts, written as a {@link MediaPlan} document that the media task (an ECS
 * container on AWS, in-process locally) executes.
 */
public final class PostProcessStep {
    private final ClipStore clips;
    private final JobStore jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final RenditionSet renditionSet;

    /** Source-size renditions: the local default, quick to render. */
    public PostProcessStep(ClipStore clips, JobStore jobs, ObjectMapper json, Clock clock) {
        this(clips, jobs, json, clock, RenditionSet.SOURCE_SIZE);
    }

    public PostProcessStep(ClipStore clips, JobStore jobs, ObjectMapper json, Clock clock, RenditionSet renditionSet) {
        this.clips = clips;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.renditionSet = renditionSet;
    }

    public MediaRef run(RenderRequest request, JobTicket job, ReviewOutcome review) {
        JobRecord record = jobs.update(job.jobId(), r -> r.withStatus(JobStatus.POST_PROCESSING, "", clock.instant()));
        String source = job.cacheHit() ? job.cachedClipKey() : review.bestClipKey();
        MediaPlan.Origin origin = new MediaPlan.Origin(
                job.provider(),
                job.model(),
                job.cacheHit() ? "" : review.bestProviderJobId(),
                Sha256.hex(request.prompt()),
                previousVersion(record.detail().version()));
        MediaPlan plan = new MediaPlan(
                job.jobId(),
                job.tenant(),
                source,
                StorageKeys.outputPrefix(job.tenant(), job.jobId()),
                renditions(request, renditionSet),
                true,
                job.cacheHit() ? job.cachedShotClipKeys() : review.shotClipKeys(),
                MediaPlan.DEFAULT_CROSSFADE_SECONDS,
                Grade.DEFAULT,
                AudioPolish.DEFAULT,
                Watermark.DEFAULT,
                origin);
        String planKey = StorageKeys.mediaPlan(job.tenant(), job.jobId());
        try {
            clips.putBytes(planKey, json.writeValueAsBytes(plan), "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new MediaRef(planKey, StorageKeys.mediaResult(job.tenant(), job.jobId()), source);
    }

    /** For an edit, the version it was made from, with that version's provenance record; null otherwise. */
    private ProvenanceRecord.PreviousVersion previousVersion(VersionLink link) {
        if (link == null) {
            return null;
        }
        MediaResult.Output provenance = jobs.find(link.versionOf())
                .map(r -> r.detail().media())
                .flatMap(m -> m.outputs().stream()
                        .filter(o -> o.rendition().equals("provenance"))
                        .findFirst())
                .orElse(null);
        return new ProvenanceRecord.PreviousVersion(
                link.versionOf(),
                link.edit(),
                link.sourceSha256(),
                provenance == null ? "" : provenance.key(),
                provenance == null ? "" : provenance.sha256());
    }

    /** The set's renditions for this request: source-size (native frame + square) or the 1080 platform set. */
    static List<Rendition> renditions(RenderRequest request, RenditionSet set) {
        FrameSize size = request.settings().frameSize();
        String nativeName = request.settings().aspectRatio().label().replace(':', 'x') + "-"
                + request.settings().resolution().label();
        return set.renditions(nativeName, size.width(), size.height());
    }
}
