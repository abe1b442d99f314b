package dev.reelforge.core.workflow;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.edit.EditSource;
import dev.reelforge.core.edit.ExtendRoute;
import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.edit.StoryboardDiff;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.VersionLink;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.provider.ReframeSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.PromptRevision;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.validation.RequestValidator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validate for an edit ({@code {"edit": …}}): resolves the finished job it edits ({@link EditSource}), opens a new
 * job that is a version of it, and hands on what the next state does. A remix goes to Submit as the provider's
 * remix or edit of the accepted clip where the model's capability data has one, else as a regeneration with the
 * instruction added to the prompt ({@link PromptRevision#withReviewerWords}); a re-cut goes to the {@code Recut}
 * state with its checked segments, and is reviewed like any render; a storyboard edit goes to the {@code Shots} Map
 * with only its changed shots to render ({@link StoryboardEditStep}), the others reused from the earlier version. The original record gains only the new job's
 * id in {@code versions}; its outputs and clips are never written.
 */
public final class EditStep {
    private final RequestValidator validator;
    private final JobStore jobs;
    private final PromptCache cache;
    private final Clock clock;
    private final EditVersions versions;

    public EditStep(RequestValidator validator, JobStore jobs, PromptCache cache, Clock clock) {
        this.validator = validator;
        this.jobs = jobs;
        this.cache = cache;
        this.clock = clock;
        this.versions = new EditVersions(jobs, clock);
    }

    /**
     * What the edit's Validate hands the workflow: the version's request, ticket, first review and edit plan, and
     * for a storyboard edit the {@code Shots} Map's items (empty otherwise) and how many render at once
     * ({@link ShotConcurrency}).
     */
    public record Edited(
            RenderRequest request,
            JobTicket job,
            ReviewOutcome review,
            EditPlan edit,
            List<ShotItem> shots,
            int shotConcurrency) {
        public Edited {
            shots = List.copyOf(shots);
        }

        /** An edit that renders one clip. */
        Edited(RenderRequest request, JobTicket job, ReviewOutcome review, EditPlan edit) {
            this(request, job, review, edit, List.of(), 1);
        }
    }

    public Edited run(EditRequest edit, String jobId) {
        EditSource source = EditSource.resolve(edit, jobs);
        return switch (edit.kind()) {
            case REMIX -> remix(edit, source, jobId);
            case RECUT -> recut(edit, source, jobId);
            case STORYBOARD -> storyboard(edit, source, jobId);
            case REFRAME -> reframed(edit, source, jobId);
        };
    }

    private Edited storyboard(EditRequest edit, EditSource source, String jobId) {
        StoryboardEditStep shots = new StoryboardEditStep();
        RenderRequest request = shots.request(edit, source);
        RequestValidator.Accepted accepted = validator.validate(request, LocalDate.now(clock));
        ModelCapabilities model = accepted.model();
        StoryboardDiff diff = shots.diff(
                edit, source, request, model, EditVersions.reference(source).sha256());
        String cacheKey = EditVersions.key(source, edit);
        JobTicket job = versions.ticket(
                jobId,
                request,
                cacheKey,
                Optional.empty(),
                accepted,
                model.pricePerSecondUsd() * request.settings().durationSeconds(),
                StoryboardEditStep.estimateUsd(request, model, diff),
                source,
                model.remix() || model.edit());
        String described = StoryboardEditStep.describe(edit, diff);
        VersionLink link = new VersionLink(edit.of(), described, source.clipKey(), source.sha256(), diff.reusedOnly());
        versions.open(jobId, request, cacheKey, accepted.warnings(), edit, source, link);
        EditPlan plan = new EditPlan(
                EditPlan.Kind.STORYBOARD, edit.of(), described, source.clipKey(), source.sha256(), List.of(), 0);
        List<ShotItem> items = StoryboardEditStep.items(request, model, diff, job);
        return new Edited(request, job, ReviewOutcome.notReviewed(), plan, items, ShotConcurrency.of(items, model));
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
        String cacheKey = EditVersions.key(source, edit);
        Optional<CacheEntry> hit = cache.find(cacheKey);
        EditPlan plan = new EditPlan(
                EditPlan.Kind.REMIX, edit.of(), edit.describe(), source.clipKey(), source.sha256(), List.of(), 0);
        versions.open(jobId, request, cacheKey, accepted.warnings(), edit, source, EditVersions.link(edit, source));
        JobTicket job = versions.ticket(
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
        RenderRequest request = oneClip(
                original,
                cut.shift(original.storyboard()),
                new RenderSettings(s.aspectRatio(), cut.outputSeconds(), s.resolution(), s.fps(), 1, s.style()));
        String cacheKey = EditVersions.key(source, edit);
        EditPlan plan = new EditPlan(
                EditPlan.Kind.RECUT,
                edit.of(),
                edit.describe(),
                source.clipKey(),
                source.sha256(),
                cut.segments(),
                cut.outputSeconds());
        versions.open(jobId, request, cacheKey, accepted.warnings(), edit, source, EditVersions.link(edit, source));
        // a re-cut's clip is not the provider's: a change request at the approval gate regenerates
        JobTicket job = versions.ticket(jobId, request, cacheKey, Optional.empty(), accepted, 0, 0, source, false);
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
        RenderRequest request = oneClip(
                original,
                original.storyboard(),
                new RenderSettings(s.aspectRatio(), cut.outputSeconds(), s.resolution(), s.fps(), 1, s.style()));
        String cacheKey = EditVersions.key(source, edit);
        double cost = accepted.model().pricePerSecondUsd() * spec.seconds();
        EditPlan plan = new EditPlan(
                EditPlan.Kind.EXTEND, edit.of(), edit.describe(), source.clipKey(), source.sha256(), List.of(), 0);
        versions.open(jobId, request, cacheKey, accepted.warnings(), edit, source, EditVersions.link(edit, source));
        JobTicket job =
                versions.ticket(jobId, request, cacheKey, Optional.empty(), accepted, cost, cost, source, false);
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

    /**
     * A reframe to another aspect ratio: the provider's reframe of its own accepted render, as a one-clip
     * {@link RoundMode#REFRAME} round through Submit, Poll and review; refused, naming the model, where its capability
     * data has no {@code reframe} (Reelforge does not crop: a crop would lose the picture's edges) and for a source the
     * provider did not render. The version's request is the original at the new aspect ratio.
     */
    private Edited reframed(EditRequest edit, EditSource source, String jobId) {
        RenderRequest original = source.request();
        RenderSettings s = original.settings();
        RenderRequest request = oneClip(
                original,
                original.storyboard(),
                new RenderSettings(edit.reframeTo(), s.durationSeconds(), s.resolution(), s.fps(), 1, s.style()));
        RequestValidator.Accepted accepted = validator.validate(request, LocalDate.now(clock));
        if (!accepted.model().reframe()) {
            throw InvalidRequestException.of(
                    "edit.reframe",
                    accepted.model().qualifiedName() + " cannot reframe a clip (its capability data has no reframe),"
                            + " and Reelforge does not crop, which would lose the picture's edges; render the"
                            + " request again at " + edit.reframeTo().label() + " instead");
        }
        if (!source.providerRender()) {
            throw InvalidRequestException.of(
                    "edit.reframe",
                    "job " + edit.of() + "'s clip was not rendered by "
                            + accepted.model().qualifiedName()
                            + " (a re-cut or another version), so its reframe cannot reach it; reframe the job"
                            + " whose clip the provider rendered");
        }
        new ReframeSpec(
                        source.providerJobId(),
                        original.prompt(),
                        accepted.model().model(),
                        s.aspectRatio(),
                        edit.reframeTo(),
                        s.resolution())
                .check(accepted.model());
        String cacheKey = EditVersions.key(source, edit);
        double cost = accepted.model().pricePerSecondUsd() * s.durationSeconds();
        EditPlan plan = new EditPlan(
                EditPlan.Kind.REFRAME, edit.of(), edit.describe(), source.clipKey(), source.sha256(), List.of(), 0);
        versions.open(jobId, request, cacheKey, accepted.warnings(), edit, source, EditVersions.link(edit, source));
        JobTicket job =
                versions.ticket(jobId, request, cacheKey, Optional.empty(), accepted, cost, cost, source, false);
        ReviewOutcome review = new ReviewOutcome(
                Verdict.REMIX,
                "the creator's reframe of job " + edit.of() + " to "
                        + edit.reframeTo().label() + ", made by "
                        + accepted.model().qualifiedName(),
                source.clipKey(),
                source.providerJobId(),
                List.of(),
                RoundMode.REFRAME,
                original.prompt(),
                "",
                "");
        return new Edited(request, job, review, plan);
    }

    /** The original request as one clip of {@code storyboard} at {@code settings}, one attempt, without guides. */
    private static RenderRequest oneClip(RenderRequest original, Storyboard storyboard, RenderSettings settings) {
        return new RenderRequest(
                original.tenant(),
                original.clientRequestId(),
                original.prompt(),
                storyboard,
                settings,
                original.provider(),
                original.budgetUsd(),
                1,
                original.onGiveUp(),
                List.of(),
                false,
                original.reviewOverrides(),
                original.referenceImage());
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
