package dev.reelforge.core.edit;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.sequence.ShotPlan;
import java.util.List;

/**
 * The finished job an edit starts from: its record, the request it was accepted with, and its accepted clip (the
 * provider original the review chose last, with the provider job behind it). Refuses, naming {@code edit.of}, an
 * unknown job, another tenant's (with the same words, so an id of another tenant reveals nothing), a job that has
 * not succeeded, one with no render of its own to edit, and a remix or re-cut of a multi-shot sequence (its attempts
 * are per shot, and none of them is the stitched clip).
 *
 * @param providerRender whether {@code providerJobId} is a job at the provider (a re-cut's clip is not)
 */
public record EditSource(
        JobRecord original,
        RenderRequest request,
        String clipKey,
        String providerJobId,
        String sha256,
        boolean providerRender) {

    /** The provider job id a re-cut's clip carries: it was made here, not at the provider. */
    public static final String RECUT_PREFIX = "recut-";

    public static EditSource resolve(EditRequest edit, JobStore jobs) {
        JobRecord original = jobs.find(edit.of())
                .filter(r -> r.tenant().equals(edit.tenant()))
                .orElseThrow(() -> InvalidRequestException.of(
                        "edit.of", "no job " + edit.of() + " for tenant " + edit.tenant() + " to edit"));
        if (original.status() != JobStatus.SUCCEEDED) {
            throw InvalidRequestException.of(
                    "edit.of",
                    "job " + edit.of() + " is " + original.status()
                            + "; only a job that finished (SUCCEEDED) can be edited");
        }
        RenderRequest request = original.detail().request();
        if (request == null) {
            throw InvalidRequestException.of(
                    "edit.of",
                    "job " + edit.of() + " was recorded before requests were kept with jobs; render it again");
        }
        List<AttemptDetail> attempts = original.detail().attempts();
        if (edit.kind() != EditRequest.Kind.STORYBOARD
                && (ShotPlan.rendersShotByShot(request) || attempts.stream().anyMatch(a -> a.shot() != null))) {
            throw InvalidRequestException.of(
                    "edit.of",
                    "job " + edit.of() + " is a sequence rendered shot by shot; a remix or re-cut edits one clip and"
                            + " is not built for a sequence yet: change its storyboard instead (edit.storyboard)");
        }
        for (int i = attempts.size() - 1; i >= 0; i--) {
            AttemptDetail attempt = attempts.get(i);
            if (attempt.bestClipKey() == null || attempt.bestClipKey().isEmpty()) {
                continue;
            }
            AttemptDetail.Original stored = attempt.originals() == null
                    ? null
                    : attempt.originals().stream()
                            .filter(o -> o.clipKey().equals(attempt.bestClipKey()))
                            .findFirst()
                            .orElse(null);
            String providerJobId = stored == null ? "" : stored.providerJobId();
            return new EditSource(
                    original,
                    request,
                    attempt.bestClipKey(),
                    providerJobId,
                    stored == null ? "" : stored.sha256(),
                    !providerJobId.isEmpty() && !providerJobId.startsWith(RECUT_PREFIX));
        }
        throw InvalidRequestException.of(
                "edit.of",
                "job " + edit.of() + " has no reviewed render of its own (it was a prompt-cache hit); edit the job"
                        + " that rendered the clip");
    }
}
