package dev.reelforge.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.Mp4Structure;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.FrameComparison;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ClipScore;
import dev.reelforge.core.review.VerdictPolicy;
import dev.reelforge.core.review.checks.ReferenceMatch;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.ShotContinuity;
import dev.reelforge.core.review.checks.ShotStructure;
import dev.reelforge.core.review.checks.Soundtrack;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.review.report.ReportPage;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores every clip of the round against the checklist, picks the best and decides what happens next
 * ({@link VerdictPolicy}). The scores of every attempt go on the job record and into the report. An optional visual
 * judge ({@link ClipJudging}) adds its answers, as checks that count (binding) or beside them (advisory). A clip the
 * analyzer cannot decode is downloaded from the provider once more (it still serves the paid original) and analysed
 * again; only if that copy fails too does the review fail, naming the provider job id.
 */
public final class ReviewStep {
    private final ClipStore clips;
    private final ClipAnalyzer analyzer;
    private final JobStore jobs;
    private final ObjectMapper json;
    private final Path workDir;
    private final Clock clock;
    private final ClipReview review;
    private final Function<String, VideoProvider> providers;
    private final FrameComparison frames;

    /** Without a way back to the provider: a clip that cannot be decoded fails the review at once. */
    public ReviewStep(
            ClipStore clips,
            ClipAnalyzer analyzer,
            JobStore jobs,
            ObjectMapper json,
            Path workDir,
            Clock clock,
            ClipJudging judging) {
        this(clips, analyzer, jobs, json, workDir, clock, judging, null);
    }

    /** @param providers the job's provider by name, to download an undecodable clip's original once more */
    public ReviewStep(
            ClipStore clips,
            ClipAnalyzer analyzer,
            JobStore jobs,
            ObjectMapper json,
            Path workDir,
            Clock clock,
            ClipJudging judging,
            Function<String, VideoProvider> providers) {
        this(clips, analyzer, jobs, json, workDir, clock, judging, providers, null);
    }

    /**
     * @param frames compares the first frame with the job's reference image ({@code reference-match}); without it
     *     a job that has a reference image fails the review, since the check cannot be measured
     */
    public ReviewStep(
            ClipStore clips,
            ClipAnalyzer analyzer,
            JobStore jobs,
            ObjectMapper json,
            Path workDir,
            Clock clock,
            ClipJudging judging,
            Function<String, VideoProvider> providers,
            FrameComparison frames) {
        this.frames = frames;
        this.providers = providers;
        this.review = new ClipReview(judging, ReviewProfiles.bundled(json));
        this.clips = clips;
        this.analyzer = analyzer;
        this.jobs = jobs;
        this.json = json;
        this.workDir = workDir;
        this.clock = clock;
    }

    public ReviewOutcome run(RenderRequest request, JobTicket job, RenderRound round) {
        jobs.update(job.jobId(), r -> r.withStatus(JobStatus.REVIEWING, "", clock.instant()));
        List<ClipScore> scores = new ArrayList<>();
        Map<String, String> providerJobByClip = new HashMap<>();
        Map<String, ClipMetrics> metricsByClip = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (ProviderTask task : round.tasks()) {
            if (!task.clipKey().isEmpty()) {
                scores.add(score(job, task, request, metricsByClip, warnings));
                providerJobByClip.put(task.clipKey(), task.providerJobId());
            }
        }
        double nextAttempt = job.pricePerClipUsd() * request.settings().variations();
        ShotTicket shot = job.shot();
        int attempt = shot == null ? round.attempt() : shot.attemptWithin(round.attempt());
        // A shot's round knows the spend when it was submitted; shots rendering beside it may have spent since.
        double spent = shot == null
                ? round.spentUsd()
                : jobs.find(job.jobId())
                        .map(r -> r.detail().estimatedSpendUsd(0))
                        .orElse(round.spentUsd());
        VerdictPolicy.Decision decision = VerdictPolicy.decide(
                scores, request, round.prompt(), attempt, spent, nextAttempt, job.remixSupported());
        String reportKey = StorageKeys.report(job.tenant(), job.jobId());
        var record = jobs.update(job.jobId(), r -> {
            AttemptDetail reviewed = AttemptDetail.reviewed(
                    round.attempt(),
                    decision.verdict(),
                    decision.reason(),
                    decision.best().clipKey(),
                    scores,
                    originals(round));
            reviewed = shot == null ? reviewed : reviewed.ofShot(shot.index());
            return r.withDetail(r.detail().withAttempt(reviewed).withWarningsAdded(warnings));
        });
        if (shot != null && shot.chained() && decision.verdict().accepted()) {
            keepLastFrame(job, decision.best().clipKey());
        }
        writeReport(reportKey, job, record.detail(), decision, scores);
        writeReportPage(
                reportKey,
                job,
                request,
                decision,
                metricsByClip.get(decision.best().clipKey()));
        return new ReviewOutcome(
                decision.verdict(),
                decision.reason(),
                decision.best().clipKey(),
                providerJobByClip.get(decision.best().clipKey()),
                decision.best().checks(),
                decision.next().mode(),
                decision.next().prompt(),
                decision.next().instruction(),
                reportKey);
    }

    private ClipScore score(
            JobTicket job,
            ProviderTask task,
            RenderRequest request,
            Map<String, ClipMetrics> metricsByClip,
            List<String> warnings) {
        return ScratchClip.stage(workDir, "review-", "could not stage the clip for review", local -> {
            clips.download(task.clipKey(), local);
            ClipMetrics metrics = analyzeOrDownloadAgain(job, task, local);
            metricsByClip.put(task.clipKey(), metrics);
            ClipReview.Result reviewed = review.review(local, metrics, request, soundtrack(job));
            if (!reviewed.note().isEmpty()) {
                warnings.add(reviewed.note());
            }
            List<Check> checks = new ArrayList<>(reviewed.checks());
            double threshold = request.reviewThresholds().referenceMatch();
            checks.add(referenceMatch(job, local, threshold));
            if (job.shot() != null && job.shot().startsFromPrevious()) {
                checks.add(continuity(job, local, threshold));
            }
            return new ClipScore(task.clipKey(), task.variation(), checks, reviewed.advisory());
        });
    }

    /** What Validate read from the capability data: a silent model's clips are not measured on sound. */
    private static Soundtrack soundtrack(JobTicket job) {
        return job.nativeAudio() ? Soundtrack.expected() : Soundtrack.silent(job.provider() + "/" + job.model());
    }

    private Check referenceMatch(JobTicket job, Path clip, double threshold) throws IOException {
        ReferenceImage reference = job.referenceImage();
        if (!reference.present()) {
            return ReferenceMatch.notApplicable();
        }
        if (frames == null) {
            throw new IllegalStateException("this ReviewScore cannot compare frames; wire ReviewStep with one");
        }
        String key = reference.fittedKey();
        Path image = workDir.resolve("references").resolve(key.substring(key.lastIndexOf('/') + 1));
        if (!Files.isRegularFile(image)) {
            Files.createDirectories(image.getParent());
            clips.download(key, image);
        }
        return ReferenceMatch.evaluate(frames.firstFrameSsim(clip, image), threshold);
    }

    /** A chained shot's first frame against the previous accepted shot's last frame, which Submit sent. */
    private Check continuity(JobTicket job, Path clip, double threshold) {
        Path image = workDir.resolve("references")
                .resolve(job.jobId() + "-shot-" + (job.shot().index() - 1) + "-last-frame.png");
        ScratchClip.stage(workDir, "continuity-", "could not stage the previous shot's last frame", local -> {
            clips.download(job.shot().previousFrameKey(job.tenant(), job.jobId()), local);
            Files.createDirectories(image.getParent());
            Files.move(local, image, StandardCopyOption.REPLACE_EXISTING);
            return image;
        });
        return ShotContinuity.evaluate(job.shot().index(), frames().firstFrameSsim(clip, image), threshold);
    }

    /**
     * Stores the accepted shot's last frame, from which the next shot of a chained sequence starts, also in a
     * storyboard edit that reuses this shot and adds one after it.
     */
    private void keepLastFrame(JobTicket job, String clipKey) {
        ScratchClip.stage(workDir, "last-frame-", "could not stage the accepted shot for its last frame", local -> {
            clips.download(clipKey, local);
            Path png = local.resolveSibling(local.getFileName() + ".png");
            try {
                frames().writeLastFrame(local, png);
                clips.putFile(
                        StorageKeys.shotLastFrame(
                                job.tenant(), job.jobId(), job.shot().index()),
                        png,
                        "image/png");
            } finally {
                Files.deleteIfExists(png);
            }
            return png;
        });
    }

    private FrameComparison frames() {
        if (frames == null) {
            throw new IllegalStateException("this ReviewScore cannot compare frames; wire ReviewStep with one");
        }
        return frames;
    }

    /** The clip's metrics; if it cannot be decoded, those of a fresh copy of the provider's original, stored over it. */
    private ClipMetrics analyzeOrDownloadAgain(JobTicket job, ProviderTask task, Path local) throws IOException {
        try {
            return analyzer.analyze(local);
        } catch (MediaProcessingException undecodable) {
            if (providers == null) {
                throw new MediaProcessingException("the clip of provider job " + task.providerJobId()
                        + " cannot be decoded (" + undecodable.getMessage() + ")");
            }
            String problem;
            try {
                providers.apply(job.provider()).download(task.providerJobId(), local);
                problem = PollStep.problem(Mp4Structure.inspect(local), 0);
            } catch (CorruptDownloadException e) {
                problem = e.getMessage();
            }
            if (!problem.isEmpty()) {
                throw new MediaProcessingException(
                        "the clip of provider job " + task.providerJobId() + " cannot be decoded ("
                                + undecodable.getMessage() + ") and a second download was not an MP4 (" + problem
                                + "); recover it from " + job.provider() + " by that job id");
            }
            try {
                ClipMetrics metrics = analyzer.analyze(local);
                clips.putFile(task.clipKey(), local, "video/mp4");
                return metrics;
            } catch (MediaProcessingException again) {
                throw new MediaProcessingException("the clip of provider job " + task.providerJobId()
                        + " cannot be decoded, downloaded twice (" + again.getMessage() + "); recover it from "
                        + job.provider()
                        + " by that job id");
            }
        }
    }

    /** report.html next to report.json: the best clip's checks, contact sheet and timelines, self-contained. */
    private void writeReportPage(
            String jsonKey,
            JobTicket job,
            RenderRequest request,
            VerdictPolicy.Decision decision,
            ClipMetrics metrics) {
        List<Integer> cuts =
                metrics == null ? List.of() : ShotStructure.of(metrics).cuts();
        String html = ReportPage.render(
                "Reelforge review: " + job.jobId(),
                decision.verdict().wireName(),
                decision.reason(),
                decision.best().checks(),
                decision.best().advisory(),
                metrics,
                request.storyboard(),
                cuts);
        clips.putBytes(htmlKey(jsonKey), html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /** Where the HTML page of a report lives: the same name with {@code .html}. */
    public static String htmlKey(String reportJsonKey) {
        return reportJsonKey.replaceAll("\\.json$", "") + ".html";
    }

    private void writeReport(
            String key, JobTicket job, JobDetail detail, VerdictPolicy.Decision decision, List<ClipScore> scores) {
        ObjectNode report = json.createObjectNode();
        report.put("jobId", job.jobId());
        report.put("tenant", job.tenant());
        report.put("provider", job.provider() + "/" + job.model());
        report.put("verdict", decision.verdict().wireName());
        report.put("reason", decision.reason());
        report.put("bestClipKey", decision.best().clipKey());
        report.set("checks", json.valueToTree(decision.best().checks()));
        report.set("clips", json.valueToTree(scores));
        report.put("html", htmlKey(key));
        report.set("attempts", json.valueToTree(detail.attempts()));
        report.set("warnings", json.valueToTree(detail.warnings()));
        report.set("providerJobs", json.valueToTree(detail.providerJobs()));
        report.set("possibleDuplicateCharges", json.valueToTree(detail.possibleDuplicateCharges()));
        try {
            clips.putBytes(
                    key,
                    json.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(report)
                            .getBytes(StandardCharsets.UTF_8),
                    "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Provenance of every original of the round, for support: which provider job produced which stored file. */
    private static List<AttemptDetail.Original> originals(RenderRound round) {
        return round.tasks().stream()
                .filter(t -> !t.clipKey().isEmpty())
                .map(t -> new AttemptDetail.Original(t.clipKey(), t.providerJobId(), t.sha256()))
                .toList();
    }
}
