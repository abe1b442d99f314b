package dev.reelforge.core.workflow;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.edit.EditSource;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.VersionLink;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.validation.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The new job an edit opens as a version of a finished one ({@link EditStep}): its cache key, ticket, record and
 * link back, the same for every kind of edit, so that each kind plans only what it renders.
 */
final class EditVersions {
    private final JobStore jobs;
    private final Clock clock;

    EditVersions(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** An edit's own cache key: the same edit of the same job is the same content; nothing else is. */
    static String key(EditSource source, EditRequest edit) {
        return Sha256.hex(source.original().cacheKey() + "\n" + edit.describe());
    }

    /** The version's ticket: the model the edit was validated for, what one clip and the whole edit cost. */
    JobTicket ticket(
            String jobId,
            RenderRequest request,
            String cacheKey,
            Optional<CacheEntry> hit,
            RequestValidator.Accepted accepted,
            double perClip,
            double estimate,
            EditSource source,
            boolean remixable) {
        return new JobTicket(
                jobId,
                request.tenant(),
                request.clientRequestId(),
                cacheKey,
                hit.isPresent(),
                hit.map(CacheEntry::clipKey).orElse(""),
                hit.map(CacheEntry::jobId).orElse(""),
                accepted.model().provider(),
                accepted.model().model(),
                remixable,
                accepted.model().nativeAudio(),
                perClip,
                estimate,
                accepted.warnings(),
                reference(source));
    }

    /** The reference image the edited job rendered from, or none. */
    static ReferenceImage reference(EditSource source) {
        ReferenceImage reference = source.original().detail().referenceImage();
        return reference == null ? ReferenceImage.NONE : reference;
    }

    /**
     * Opens the version's job record (a retried Validate finds it open and carries on; a final one is refused) and
     * adds its id to the edited job's {@code versions}, the only write the edited record gets.
     */
    void open(
            String jobId,
            RenderRequest request,
            String cacheKey,
            List<String> warnings,
            EditRequest edit,
            EditSource source,
            VersionLink link) {
        Instant now = clock.instant();
        JobRecord fresh = JobRecord.received(jobId, request.tenant(), request.clientRequestId(), now)
                .withCacheKey(cacheKey)
                .withStatus(JobStatus.RENDERING, "", now);
        JobDetail detail = JobDetail.opened(warnings).withRequest(request).withVersion(link);
        fresh = fresh.withDetail(reference(source).present() ? detail.withReferenceImage(reference(source)) : detail);
        try {
            jobs.create(fresh);
        } catch (JobConflictException alreadyOpen) {
            JobRecord existing = jobs.find(jobId).orElseThrow();
            if (existing.status().isFinal()) {
                throw new JobConflictException("job " + jobId + " already ended as " + existing.status());
            }
            jobs.update(jobId, r -> r.withStatus(JobStatus.RENDERING, "", clock.instant()));
        }
        jobs.update(edit.of(), r -> r.withDetail(r.detail().withVersionAdded(jobId)));
    }

    /** The version's link back to the job and the clip it edits. */
    static VersionLink link(EditRequest edit, EditSource source) {
        return new VersionLink(edit.of(), edit.describe(), source.clipKey(), source.sha256());
    }
}
