package dev.reelforge.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.cache.CacheKey;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.reference.GuideImages;
import dev.reelforge.core.reference.ImageModels;
import dev.reelforge.core.reference.ReferenceGeneration;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.reference.ReferenceIntake;
import dev.reelforge.core.reference.ReferenceKeys;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.ReferenceSource;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.sequence.PlannedShot;
import dev.reelforge.core.sequence.ShotPlan;
import dev.reelforge.core.validation.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * First state: parse and validate the request, look the content up in the prompt cache, and open the job record.
 * Rejections throw (the state machine records them with the reason); re-running for the same job is harmless.
 */
public final class ValidateStep {
    private final RequestParser parser;
    private final RequestValidator validator;
    private final JobStore jobs;
    private final PromptCache cache;
    private final Clock clock;
    private final ReferenceIntake references;
    private final ReferenceGeneration generation;

    /** Without a store for reference images: a request that names one is refused. */
    public ValidateStep(
            RequestParser parser, RequestValidator validator, JobStore jobs, PromptCache cache, Clock clock) {
        this(parser, validator, jobs, cache, clock, null);
    }

    public ValidateStep(
            RequestParser parser,
            RequestValidator validator,
            JobStore jobs,
            PromptCache cache,
            Clock clock,
            ReferenceIntake references) {
        this(parser, validator, jobs, cache, clock, references, null);
    }

    /** With an image generator for {@code "referenceImage": {"generate": …}} (none: such a request is refused). */
    public ValidateStep(
            RequestParser parser,
            RequestValidator validator,
            JobStore jobs,
            PromptCache cache,
            Clock clock,
            ReferenceIntake references,
            ReferenceGeneration generation) {
        this.references = references;
        this.generation = generation;
        this.parser = parser;
        this.validator = validator;
        this.jobs = jobs;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The request, parsed and schema-checked once, from the execution input's {@code request} object or
     * {@code requestText} string. Later states receive this record, not the text to parse again.
     */
    public RenderRequest requestOf(JsonNode executionInput) {
        if (executionInput.hasNonNull("request")) {
            return parser.parse(executionInput.get("request"));
        }
        if (executionInput.path("requestText").isTextual()) {
            return parser.parse(executionInput.get("requestText").asText());
        }
        throw InvalidRequestException.of(
                "request", "the execution input needs a 'request' object or a 'requestText' string");
    }

    /**
     * The validated job, and for a storyboard rendered shot by shot the state each shot starts from and how many
     * shots render at once ({@link ShotConcurrency}; 1 where there are none).
     */
    public record Validation(JobTicket job, List<ShotItem> shots, int shotConcurrency) {
        public Validation {
            shots = List.copyOf(shots);
        }

        /** One clip, or a sequence the cache answers whole: nothing for the {@code Shots} Map. */
        Validation(JobTicket job) {
            this(job, List.of(), 1);
        }
    }

    public JobTicket run(RenderRequest request, String jobId) {
        return validate(request, jobId).job();
    }

    /**
     * Validates and opens the job. A storyboard of several shots (unless the request asks for one continuous clip)
     * comes back with one {@link ShotItem} per shot, looked up in the prompt cache as a whole and then shot by shot
     * ({@link SequenceCache}): a whole hit renders nothing, and a shot the cache answers is reused, uncharged.
     */
    public Validation validate(RenderRequest request, String jobId) {
        RequestValidator.Accepted accepted = validator.validate(request, LocalDate.now(clock));
        boolean sequence = ShotPlan.rendersShotByShot(request);
        checkGuides(request, accepted, sequence);
        ReferenceImage reference = reference(request, accepted, jobId);
        List<GuideImage> guides = request.hasGuides()
                ? GuideImages.prepare(request, accepted.model(), references)
                : List.<GuideImage>of();
        String contentKey = guides.isEmpty()
                ? reference.sha256()
                : (reference.sha256() + " " + GuideImages.contentKey(guides)).strip();
        if (sequence) {
            return sequence(request, jobId, accepted, reference, contentKey);
        }
        String cacheKey = CacheKey.of(request, accepted.model(), contentKey);
        Optional<CacheEntry> hit = cache.find(cacheKey).filter(e -> !e.sequence());
        openJob(jobId, request, cacheKey, accepted, reference, List.of());
        JobTicket ticket = ticket(
                        jobId,
                        request,
                        cacheKey,
                        hit.orElse(null),
                        accepted,
                        reference,
                        hit.isPresent() ? 0 : accepted.estimate().usd())
                .withGuides(guides);
        return new Validation(ticket);
    }

    private Validation sequence(
            RenderRequest request,
            String jobId,
            RequestValidator.Accepted accepted,
            ReferenceImage reference,
            String contentKey) {
        ModelCapabilities model = accepted.model();
        ShotPlan plan = ShotPlan.of(request, model);
        String cacheKey = CacheKey.sequence(request, model, contentKey);
        SequenceCache.Answer answer = new SequenceCache(cache).find(plan, model, reference.sha256(), cacheKey);
        List<ReusedShot> cached = answer.shots().reusedOnly();
        openJob(jobId, request, cacheKey, accepted, reference, cached);
        double estimate = answer.hit()
                ? 0
                : cached.isEmpty()
                        ? accepted.estimate().usd()
                        : plan.shots().stream()
                                .filter(shot -> answer.shots().renders(shot.index()))
                                .mapToDouble(shot -> model.pricePerSecondUsd()
                                        * shot.durationSeconds()
                                        * request.settings().variations())
                                .sum();
        JobTicket ticket = ticket(jobId, request, cacheKey, answer.whole(), accepted, reference, estimate)
                .withShotCache(answer.shotKeys(), answer.hit() ? answer.whole().shotClipKeys() : List.of());
        if (answer.hit()) {
            return new Validation(ticket);
        }
        List<ShotItem> items = cached.isEmpty()
                ? shots(request, model, ticket)
                : StoryboardEditStep.items(request, model, answer.shots(), ticket);
        return new Validation(ticket, items, ShotConcurrency.of(items, model));
    }

    private static JobTicket ticket(
            String jobId,
            RenderRequest request,
            String cacheKey,
            CacheEntry hit,
            RequestValidator.Accepted accepted,
            ReferenceImage reference,
            double renderUsd) {
        return new JobTicket(
                jobId,
                request.tenant(),
                request.clientRequestId(),
                cacheKey,
                hit != null,
                hit == null ? "" : hit.clipKey(),
                hit == null ? "" : hit.jobId(),
                accepted.model().provider(),
                accepted.model().model(),
                accepted.model().remix() || accepted.model().edit(),
                accepted.model().nativeAudio(),
                accepted.model().pricePerSecondUsd() * request.settings().durationSeconds(),
                renderUsd + reference.costUsd(),
                accepted.warnings(),
                reference);
    }

    private static List<ShotItem> shots(RenderRequest request, ModelCapabilities model, JobTicket job) {
        ShotPlan plan = ShotPlan.of(request, model);
        List<ShotItem> items = new ArrayList<>();
        for (PlannedShot shot : plan.shots()) {
            int firstAttempt = (shot.index() - 1) * request.maxAttempts() + 1;
            ShotTicket ticket = new ShotTicket(shot.index(), plan.shots().size(), firstAttempt, plan.chained());
            JobTicket own = job.forShot(
                    ticket,
                    model.pricePerSecondUsd() * shot.durationSeconds(),
                    shot.chainsFromPrevious() ? ReferenceImage.NONE : job.referenceImage());
            items.add(new ShotItem(
                    shot.index(),
                    plan.requestFor(shot),
                    own,
                    RenderRound.before(firstAttempt),
                    ReviewOutcome.notReviewed()));
        }
        return items;
    }

    /** The last frame and reference images, checked against the model's data before anything is stored. */
    private void checkGuides(RenderRequest request, RequestValidator.Accepted accepted, boolean sequence) {
        if (!request.hasGuides()) {
            return;
        }
        String field = request.lastFrame().isEmpty() ? "referenceImages" : "lastFrame";
        if (sequence) {
            throw InvalidRequestException.of(
                    field,
                    "a storyboard rendered shot by shot takes only referenceImage (for its first shot); set"
                            + " \"continuous\": true or drop " + field);
        }
        GuideImages.check(request, accepted.model());
        if (references == null) {
            throw InvalidRequestException.of(
                    field, "this deployment has no store for reference images; drop the field");
        }
    }

    private ReferenceImage reference(RenderRequest request, RequestValidator.Accepted accepted, String jobId) {
        ReferenceSource source = request.referenceImage();
        if (source.isEmpty()) {
            return ReferenceImage.NONE;
        }
        if (references == null) {
            throw InvalidRequestException.of(
                    ReferenceKeys.FIELD, "this deployment has no store for reference images; drop the field");
        }
        FrameSize frame = request.settings().frameSize();
        if (!source.generates()) {
            return references.prepare(request.tenant(), source.key(), accepted.model(), frame);
        }
        if (generation == null) {
            throw InvalidRequestException.of(
                    ImageModels.FIELD,
                    "this deployment has no image generator (REELFORGE_IMAGE_GENERATOR); upload the image and name"
                            + " its key instead");
        }
        ReferenceGeneration.Generated still = generation.generate(
                request.tenant(),
                jobId,
                source.generate(),
                frame,
                request.budgetUsd() - accepted.estimate().usd(),
                clock.instant());
        return references
                .prepare(request.tenant(), still.key(), accepted.model(), frame)
                .generatedBy(still.generator(), source.generate().strip(), still.costUsd());
    }

    private void openJob(
            String jobId,
            RenderRequest request,
            String cacheKey,
            RequestValidator.Accepted accepted,
            ReferenceImage reference,
            List<ReusedShot> cachedShots) {
        Instant now = clock.instant();
        JobRecord fresh = JobRecord.received(jobId, request.tenant(), request.clientRequestId(), now)
                .withCacheKey(cacheKey)
                .withStatus(JobStatus.RENDERING, "", now);
        fresh = fresh.withDetail(
                JobDetail.opened(accepted.warnings()).withRequest(request).withCachedShots(cachedShots));
        if (reference.present()) {
            fresh = fresh.withDetail(fresh.detail().withReferenceImage(reference));
        }
        try {
            jobs.create(fresh);
        } catch (JobConflictException alreadyOpen) {
            JobRecord existing = jobs.find(jobId).orElseThrow();
            if (existing.status().isFinal()) {
                throw new JobConflictException("job " + jobId + " already ended as " + existing.status());
            }
            jobs.update(jobId, r -> r.withStatus(JobStatus.RENDERING, "", clock.instant()));
        }
    }
}
