package dev.reelforge.core.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.ProviderJobHistory;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ReframeSpec;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Starts one round at the provider: the primary render plus variations first, then a remix or a regeneration as
 * the last review decided. Every clip's idempotency key is {@code jobId/attempt/variation}, so a retried Submit
 * finds the provider job it already started instead of paying for a second one. How each job was started (created,
 * adopted after a lost reply, resumed) and any possible duplicate charge go into the job record's provider history.
 */
public final class SubmitStep {
    /** How long one round may take before polling gives up. */
    static final Duration ROUND_DEADLINE = Duration.ofMinutes(30);

    /** How long a provider that fetches the reference image itself may take to start fetching it. */
    static final Duration REFERENCE_URL_VALIDITY = Duration.ofHours(1);

    private final Function<String, VideoProvider> providers;
    private final JobStore jobs;
    private final ProviderHistory history;
    private final Clock clock;
    private final DailyBudget dailyBudget;
    private final Supplier<ClipStore> references;
    private final Path workDir;
    private final Supplier<WebhookRoute> webhooks;
    private final Predicate<JobTicket> callsBack;

    public SubmitStep(Function<String, VideoProvider> providers, JobStore jobs, ObjectMapper json, Clock clock) {
        this(providers, jobs, json, clock, DailyBudget.unlimited());
    }

    /** With a per-tenant daily budget, charged once per round (keyed by job and attempt) before any provider call. */
    public SubmitStep(
            Function<String, VideoProvider> providers,
            JobStore jobs,
            ObjectMapper json,
            Clock clock,
            DailyBudget dailyBudget) {
        this(providers, jobs, json, clock, dailyBudget, () -> null, null);
    }

    /**
     * With the store that holds fitted reference images and a folder to copy them into, so an adapter reads the
     * fitted copy Validate made as a local file. The store is built only for a job that has a reference image.
     */
    public SubmitStep(
            Function<String, VideoProvider> providers,
            JobStore jobs,
            ObjectMapper json,
            Clock clock,
            DailyBudget dailyBudget,
            Supplier<ClipStore> references,
            Path workDir) {
        this(providers, jobs, json, clock, dailyBudget, references, workDir, () -> WebhookRoute.NONE, job -> false);
    }

    /**
     * As above, asking a provider to call back ({@code webhooks}' URL, {@link GenerationSpec#webhookUrl()}) when
     * {@code callsBack} says its model's capability data offers webhooks and an endpoint is configured; the round
     * then carries the endpoint's timeout, and the state machine waits for the webhook before it polls.
     */
    public SubmitStep(
            Function<String, VideoProvider> providers,
            JobStore jobs,
            ObjectMapper json,
            Clock clock,
            DailyBudget dailyBudget,
            Supplier<ClipStore> references,
            Path workDir,
            Supplier<WebhookRoute> webhooks,
            Predicate<JobTicket> callsBack) {
        this.webhooks = webhooks;
        this.callsBack = callsBack;
        this.references = references;
        this.workDir = workDir;
        this.providers = providers;
        this.jobs = jobs;
        this.history = new ProviderHistory();
        this.clock = clock;
        this.dailyBudget = dailyBudget;
    }

    public RenderRound run(RenderRequest request, JobTicket job, RenderRound previous, ReviewOutcome review) {
        RoundMode mode = review.nextMode();
        int attempt = previous.attempt() + 1;
        String prompt = mode == RoundMode.INITIAL ? request.prompt() : review.nextPrompt();
        String remixOf = mode == RoundMode.REMIX ? review.bestProviderJobId() : "";
        boolean extend = mode == RoundMode.EXTEND;
        boolean reframe = mode == RoundMode.REFRAME;
        boolean ofSource = extend || reframe;
        int clips = mode == RoundMode.REMIX || ofSource ? 1 : request.settings().variations();
        double cost = job.pricePerClipUsd() * clips;
        double spent;
        if (job.shot() == null) {
            spent = spentBefore(job, previous);
            checkBudget(request, attempt, spent, cost);
        } else {
            spent = reserveShotAttempt(request, job, attempt, mode, review.nextInstruction(), cost);
        }
        dailyBudget.charge(job.tenant(), job.jobId() + "/" + attempt, cost, clock.instant());
        VideoProvider provider = providers.apply(job.provider());
        List<ProviderTask> tasks = new ArrayList<>();
        List<ProviderJob> startedJobs = new ArrayList<>();
        int pollAfter = 1;
        String referenceKey = remixOf.isEmpty() && !ofSource ? referenceKey(job) : "";
        String reference = localReference(referenceKey);
        String referenceUrl = reference.isEmpty()
                ? ""
                : references
                        .get()
                        .shareableUrl(job.tenant(), referenceKey, REFERENCE_URL_VALIDITY)
                        .orElse("");
        List<GuideFile> guides = new ArrayList<>();
        for (GuideImage guide : remixOf.isEmpty() && !ofSource ? job.guides() : List.<GuideImage>of()) {
            String key = guide.image().fittedKey();
            guides.add(new GuideFile(
                    guide.role(),
                    localReference(key),
                    references
                            .get()
                            .shareableUrl(job.tenant(), key, REFERENCE_URL_VALIDITY)
                            .orElse("")));
        }
        WebhookRoute route = webhooks.get();
        boolean callback = route.enabled() && callsBack.test(job);
        String webhookUrl = callback ? route.urlFor(job.provider()) : "";
        for (int variation = 0; variation < clips; variation++) {
            long seed = seed(job.jobId(), attempt, variation);
            GenerationSpec spec = new GenerationSpec(
                    prompt,
                    request.storyboard(),
                    request.settings(),
                    job.model(),
                    seed,
                    defects(request),
                    remixOf,
                    review.nextInstruction(),
                    reference,
                    referenceUrl,
                    webhookUrl,
                    guides);
            String key = job.jobId() + "/" + attempt + "/" + variation;
            ProviderJob started = extend
                    ? provider.extend(extension(request, job, review, prompt), key)
                    : reframe
                            ? provider.reframe(reframing(request, job, review, prompt), key)
                            : provider.submit(spec, key);
            startedJobs.add(started);
            tasks.add(new ProviderTask(
                    variation,
                    seed,
                    started.providerJobId(),
                    started.state(),
                    started.progressPercent(),
                    "",
                    started.failureReason(),
                    ""));
            pollAfter = Math.max(pollAfter, started.pollAfterSeconds());
        }
        RenderRound round = new RenderRound(
                attempt,
                mode,
                prompt,
                review.nextInstruction(),
                tasks,
                RenderRound.Status.RUNNING,
                0,
                pollAfter,
                clock.instant().plus(ROUND_DEADLINE).toString(),
                spent + cost,
                request.settings().durationSeconds(),
                callback ? route.timeoutSeconds() : 0);
        String now = clock.instant().toString();
        jobs.update(job.jobId(), r -> {
            Set<String> onRecord = history.read(r).stream()
                    .map(ProviderJobHistory::providerJobId)
                    .collect(Collectors.toSet());
            long newJobs = startedJobs.stream()
                    .filter(s -> !onRecord.contains(s.providerJobId()))
                    .count();
            JobRecord updated = r.withStatus(JobStatus.RENDERING, "", clock.instant())
                    .withSubmissions(r.providerSubmissions() + (int) newJobs);
            AttemptDetail submitted = AttemptDetail.submitted(
                    attempt,
                    mode,
                    round.instruction(),
                    tasks.stream().map(ProviderTask::providerJobId).toList(),
                    cost);
            updated = updated.withDetail(updated.detail()
                    .withAttempt(
                            job.shot() == null
                                    ? submitted
                                    : submitted.ofShot(job.shot().index())));
            for (int i = 0; i < startedJobs.size(); i++) {
                ProviderJob started = startedJobs.get(i);
                List<CreateAttempt> creates = started.createAttempts().isEmpty()
                        ? List.of(unreported(job, started, onRecord.contains(started.providerJobId()), now))
                        : started.createAttempts();
                updated = updated.withDetail(history.submitted(
                        updated,
                        attempt,
                        i,
                        started.providerJobId(),
                        creates,
                        new ProviderJobHistory.StateSeen(started.state().name(), now),
                        started.possibleDuplicateCharges()));
            }
            return updated;
        });
        return round;
    }

    /**
     * The provider extension an {@link RoundMode#EXTEND} round asks for: the accepted render of the job this one is a
     * version of, from that job's length to this request's.
     */
    private ExtendSpec extension(RenderRequest request, JobTicket job, ReviewOutcome review, String prompt) {
        double sourceSeconds = jobs.find(job.jobId())
                .map(r -> r.detail().version())
                .flatMap(v -> jobs.find(v.versionOf()))
                .map(r -> r.detail().request())
                .map(r -> r.settings().durationSeconds())
                .orElseThrow(() -> new IllegalStateException(
                        "job " + job.jobId() + " extends a render but its record names no original with a request"));
        return new ExtendSpec(
                review.bestProviderJobId(),
                prompt,
                job.model(),
                request.settings(),
                sourceSeconds,
                request.settings().durationSeconds() - sourceSeconds);
    }

    /** The provider reframe a {@link RoundMode#REFRAME} round asks for: the accepted render, at this request's ratio. */
    private ReframeSpec reframing(RenderRequest request, JobTicket job, ReviewOutcome review, String prompt) {
        AspectRatio from = jobs.find(job.jobId())
                .map(r -> r.detail().version())
                .flatMap(v -> jobs.find(v.versionOf()))
                .map(r -> r.detail().request())
                .map(r -> r.settings().aspectRatio())
                .orElseThrow(() -> new IllegalStateException(
                        "job " + job.jobId() + " reframes a render but its record names no original with a request"));
        return new ReframeSpec(
                review.bestProviderJobId(),
                prompt,
                job.model(),
                from,
                request.settings().aspectRatio(),
                request.settings().resolution());
    }

    /**
     * The create call of a provider that reports none (the animatic): a job already on the record was resumed by a
     * retried Submit (the same idempotency key gave the same job), any other was created now.
     */
    private static CreateAttempt unreported(JobTicket job, ProviderJob started, boolean onRecord, String now) {
        return onRecord
                ? new CreateAttempt(
                        now,
                        CreateAttempt.Outcome.RESUMED,
                        started.providerJobId(),
                        "already on the job record: a retried Submit found the job " + job.provider() + " had started")
                : new CreateAttempt(
                        now,
                        CreateAttempt.Outcome.CREATED,
                        started.providerJobId(),
                        "started by " + job.provider() + ", which reports no details of its calls");
    }

    /** Refuses a round that would take the request's spend past its {@code budgetUsd}, naming the field. */
    private static void checkBudget(RenderRequest request, int attempt, double spent, double cost) {
        if (spent + cost > request.budgetUsd() + 1e-9) {
            throw InvalidRequestException.of(
                    "budgetUsd",
                    String.format(
                            Locale.ROOT,
                            "attempt %d would bring the spend to $%.2f, over the $%.2f budget",
                            attempt,
                            spent + cost,
                            request.budgetUsd()));
        }
    }

    /**
     * A shot's round against the whole sequence's budget, checked and recorded in one conditional write before any
     * provider call: the job record's attempts of every shot (in flight in parallel or done) and the reference image
     * count, so two shots submitting together cannot both pass on the same headroom. Re-running the same attempt
     * (a retried Lambda) replaces its own reservation instead of adding to it.
     *
     * @return what was spent before this attempt
     */
    private double reserveShotAttempt(
            RenderRequest request, JobTicket job, int attempt, RoundMode mode, String instruction, double cost) {
        double[] before = new double[1];
        jobs.update(job.jobId(), r -> {
            before[0] = r.detail().estimatedSpendUsd(attempt);
            checkBudget(request, attempt, before[0], cost);
            return r.withDetail(r.detail()
                    .withAttempt(AttemptDetail.submitted(attempt, mode, instruction, null, cost)
                            .ofShot(job.shot().index())));
        });
        return before[0];
    }

    /** A single clip's spend before this round: its last round's, or for its first the reference image's. */
    private double spentBefore(JobTicket job, RenderRound previous) {
        if (previous.attempt() >= 1) {
            return previous.spentUsd();
        }
        return jobs.find(job.jobId()).map(SubmitStep::imageCost).orElse(previous.spentUsd());
    }

    private static double imageCost(JobRecord record) {
        return record.detail().referenceImage() == null
                ? 0
                : record.detail().referenceImage().costUsd();
    }

    /**
     * The image the clip starts from: the previous accepted shot's last frame for a chained shot of a sequence,
     * else the fitted reference image; empty for none.
     */
    private static String referenceKey(JobTicket job) {
        if (job.shot() != null && job.shot().startsFromPrevious()) {
            return job.shot().previousFrameKey(job.tenant(), job.jobId());
        }
        return job.referenceImage().present() ? job.referenceImage().fittedKey() : "";
    }

    /**
     * The image at {@code key} as a local file, named by its key's last segments so a retried Submit or a second
     * job with the same fitted image reuses it; empty for no key.
     */
    private String localReference(String key) {
        if (key.isEmpty()) {
            return "";
        }
        ClipStore store = references.get();
        if (store == null || workDir == null) {
            throw new IllegalStateException("this Submit has no store for reference images; wire SubmitStep with one");
        }
        String name = key.startsWith("jobs/")
                ? key.substring("jobs/".length()).replace('/', '-')
                : key.substring(key.lastIndexOf('/') + 1);
        Path local = workDir.resolve("references").resolve(name);
        if (!Files.isRegularFile(local)) {
            try {
                Files.createDirectories(local.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + local.getParent(), e);
            }
            store.download(key, local);
        }
        return local.toString();
    }

    /** Animatic defects; a trailing {@code !} marks them persistent (the animatic then ignores fixes for them). */
    static List<String> defects(RenderRequest request) {
        return request.defectsPersist()
                ? request.defects().stream().map(d -> d + "!").toList()
                : request.defects();
    }

    /** Deterministic per job, attempt and variation: a retried Submit asks for exactly the same clip. */
    static long seed(String jobId, int attempt, int variation) {
        return (jobId.hashCode() & 0xffffffffL) * 1_000 + attempt * 10L + variation;
    }
}
