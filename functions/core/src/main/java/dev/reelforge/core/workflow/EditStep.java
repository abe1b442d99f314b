package dev.reelforge.core.workflow;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.edit.EditSource;
import dev.reelforge.core.edit.ExtendRoute;
import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.VersionLink;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.review.PromptRevision;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.validation.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validate for an edit ({@code {"edit": …}}): resolves the finished job it edits ({@link EditSource}), opens a new
 * job that is a version of it, and hands on what the next state does. A remix goes to Submit as the provider's
 * remix or edit of the accepted clip where the model's capability data has one, else as a regeneration with the
 * instruction added to the prompt ({@link PromptRevision#withReviewerWords}); a re-cut goes to the {@code Recut}
 * state with its checked segments, and is reviewed like any render. The original record gains only the new job's
 * id in {@code versions}; its outputs and clips are never written.
 */
public final class EditStep {
    private final RequestValidator validator;
    private final JobStore jobs;
    private final PromptCache cache;
    private final Clock clock;

    public EditStep(RequestValidator validator, JobStore jobs, PromptCache cache, Clock clock) {
        this.validator = validator;
        this.jobs = jobs;
        this.cache = cache;
        this.clock = clock;
    }

    /** What the edit's Validate hands the workflow: the version's request, ticket, first review and edit plan. */
    public record Edited(RenderRequest request, JobTicket job, ReviewOutcome review, EditPlan edit) {}

    public Edited run(EditRequest edit, String jobId) {
        EditSource source = EditSource.resolve(edit, jobs);
        return edit.kind() == EditRequest.Kind.REMIX ? remix(edit, source, jobId) : recut(edit, source, jobId);
    }

    private Edited remix(EditRequest edit, EditSource source, String jobId) {
        RenderRequest original = source.request();
        RenderRequest merged =
                withPrompt(original, PromptRevision.withReviewerWords(original.prompt(), edit.instruction()));
        RequestValidator.Accepted accepted = validator.validate(merged, LocalDate.now(clock));
        boolean providerEdit = (accepted.model().remix() || accepted.model().edit()) && source.providerRender();
        if (!providerEdit && original.hasGuides()) {
            throw InvalidRequestException.of(
                    "edit.remix",
                    "job " + edit.of() + " was rendered with lastFrame or referenceImages, and a remix of it would"
                            + " regenerate without them (" + accepted.model().qualifiedName() + " has no remix or"
                            + " edit); render a new request instead");
        }
        RenderRequest request = providerEdit ? original : merged;
        int clips = providerEdit ? 1 : request.settings().variations();
        double perClip =
                accepted.model().pricePerSecondUsd() * request.settings().durationSeconds();
        String cacheKey = versionKey(source, edit);
        Optional<CacheEntry> hit = cache.find(cacheKey);
        EditPlan plan = new EditPlan(
                EditPlan.Kind.REMIX, edit.of(), edit.describe(), source.clipKey(), source.sha256(), List.of(), 0);
        open(jobId, request, cacheKey, accepted.warnings(), edit, source);
        JobTicket job = ticket(
                jobId,
                request,
                cacheKey,
                hit,
                accepted,
                perClip,
                hit.isPresent() ? 0 : perClip * clips,
                source,
                accepted.model().remix() || accepted.model().edit());
        String reason = "the creator's remix of job " + edit.of() + ": " + edit.instruction();
        ReviewOutcome review = providerEdit
                ? new ReviewOutcome(
                        Verdict.REMIX,
                        reason,
                        source.clipKey(),
                        source.providerJobId(),
                        List.of(),
                        RoundMode.REMIX,
                        original.prompt(),
                        edit.instruction(),
                        "")
                : new ReviewOutcome(
                        Verdict.REGENERATE,
                        reason,
                        source.clipKey(),
                        source.providerJobId(),
                        List.of(),
                        RoundMode.REGENERATE,
                        merged.prompt(),
                        edit.instruction(),
                        "");
        return new Edited(request, job, review, plan);
    }

    private Edited recut(EditRequest edit, EditSource source, String jobId) {
        RenderRequest original = source.request();
        RequestValidator.Accepted validated = validator.validate(original, LocalDate.now(clock));
        RecutPlan cut = RecutPlan.of(
                edit.recut(),
                original.settings().durationSeconds(),
                validated.model().maxDurationSeconds());
        ExtendRoute route =
                ExtendRoute.decide(edit.recut(), source, validated.model(), original.prompt(), original.settings());
        if (route.atProvider()) {
            return extended(edit, source, jobId, validated, cut, route.spec());
        }
        RequestValidator.Accepted accepted = route.why().isEmpty()
                ? validated
                : new RequestValidator.Accepted(
                        validated.model(),
                        validated.estimate(),
                        Stream.concat(validated.warnings().stream(), Stream.of(route.why()))
                                .toList());
        RenderSettings s = original.settings();
        RenderRequest request = new RenderRequest(
                original.tenant(),
                original.clientRequestId(),
                original.prompt(),
                original.storyboard(),
                new RenderSettings(s.aspectRatio(), cut.outputSeconds(), s.resolution(), s.fps(), 1, s.style()),
                original.provider(),
                original.budgetUsd(),
                1,
                original.onGiveUp(),
                List.of(),
                false,
                original.reviewOverrides(),
                original.referenceImage());
        String cacheKey = versionKey(source, edit);
        EditPlan plan = new EditPlan(
                EditPlan.Kind.RECUT,
                edit.of(),
                edit.describe(),
                source.clipKey(),
                source.sha256(),
                cut.segments(),
                cut.outputSeconds());
        open(jobId, request, cacheKey, accepted.warnings(), edit, source);
        // a re-cut's clip is not the provider's: a change request at the approval gate regenerates
        JobTicket job = ticket(jobId, request, cacheKey, Optional.empty(), accepted, 0, 0, source, false);
        return new Edited(request, job, ReviewOutcome.notReviewed(), plan);
    }

    /**
     * A re-cut the provider makes ({@link ExtendRoute}): a one-clip round of {@link RoundMode#EXTEND} of the accepted
     * render, priced for the seconds added, through Submit, Poll and review like a remix; the version's request is
     * the original at the longer length.
     */
    private Edited extended(
            EditRequest edit,
            EditSource source,
            String jobId,
            RequestValidator.Accepted accepted,
            RecutPlan cut,
            ExtendSpec spec) {
        RenderRequest original = source.request();
        RenderSettings s = original.settings();
        RenderRequest request = new RenderRequest(
                original.tenant(),
                original.clientRequestId(),
                original.prompt(),
                original.storyboard(),
                new RenderSettings(s.aspectRatio(), cut.outputSeconds(), s.resolution(), s.fps(), 1, s.style()),
                original.provider(),
                original.budgetUsd(),
                1,
                original.onGiveUp(),
                List.of(),
                false,
                original.reviewOverrides(),
                original.referenceImage());
        String cacheKey = versionKey(source, edit);
        double cost = accepted.model().pricePerSecondUsd() * spec.seconds();
        EditPlan plan = new EditPlan(
                EditPlan.Kind.EXTEND, edit.of(), edit.describe(), source.clipKey(), source.sha256(), List.of(), 0);
        open(jobId, request, cacheKey, accepted.warnings(), edit, source);
        JobTicket job = ticket(jobId, request, cacheKey, Optional.empty(), accepted, cost, cost, source, false);
        ReviewOutcome review = new ReviewOutcome(
                Verdict.REMIX,
                "the creator's re-cut of job " + edit.of() + " (" + edit.describe() + "), extended by "
                        + accepted.model().qualifiedName(),
                source.clipKey(),
                source.providerJobId(),
                List.of(),
                RoundMode.EXTEND,
                original.prompt(),
                "",
                "");
        return new Edited(request, job, review, plan);
    }

    /** An edit's own cache key: the same edit of the same job is the same content; nothing else is. */
    private static String versionKey(EditSource source, EditRequest edit) {
        return Sha256.hex(source.original().cacheKey() + "\n" + edit.describe());
    }

    private JobTicket ticket(
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

    private static ReferenceImage reference(EditSource source) {
        ReferenceImage reference = source.original().detail().referenceImage();
        return reference == null ? ReferenceImage.NONE : reference;
    }

    private void open(
            String jobId,
            RenderRequest request,
            String cacheKey,
            List<String> warnings,
            EditRequest edit,
            EditSource source) {
        VersionLink link = new VersionLink(edit.of(), edit.describe(), source.clipKey(), source.sha256());
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

    private static RenderRequest withPrompt(RenderRequest r, String prompt) {
        return new RenderRequest(
                r.tenant(),
                r.clientRequestId(),
                prompt,
                r.storyboard(),
                r.settings(),
                r.provider(),
                r.budgetUsd(),
                r.maxAttempts(),
                r.onGiveUp(),
                r.defects(),
                r.defectsPersist(),
                r.reviewOverrides(),
                r.referenceImage(),
                false,
                r.lastFrame(),
                r.referenceImages());
    }
}
