package dev.reelforge.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.review.report.ReportPage;
import dev.reelforge.core.sequence.PlannedShot;
import dev.reelforge.core.sequence.ShotPlan;
import dev.reelforge.core.sequence.StitchPlan;
import dev.reelforge.core.sequence.Transition;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * After every shot of a sequence was accepted: the sequence's review, which the rest of the workflow (approval,
 * post-processing, finalize) reads as it reads one clip's. It lists the accepted shot clips in order for the media
 * plan to stitch, plans the joins as the media plan renders them ({@link StitchPlan}: a crossfade at every join, so a
 * storyboard's cut is crossfaded too, with a warning on the job), and writes the report: per shot its attempts, provider jobs,
 * checks, whether it was re-rendered or reused from an earlier version ({@code reusedFrom}: {@code <job>#<shot>}), and
 * the joins.
 */
public final class SequenceStep {
    private final ClipStore clips;
    private final JobStore jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Function<JobTicket, ModelCapabilities> models;

    /** @param models the capability data of a job's model, as Validate read it */
    public SequenceStep(
            ClipStore clips,
            JobStore jobs,
            ObjectMapper json,
            Clock clock,
            Function<JobTicket, ModelCapabilities> models) {
        this.clips = clips;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.models = models;
    }

    public ReviewOutcome run(RenderRequest request, JobTicket job, List<ShotResult> results) {
        ShotPlan plan = ShotPlan.of(request, models.apply(job));
        List<ShotResult> shots = results.stream()
                .sorted(Comparator.comparingInt(ShotResult::index))
                .toList();
        if (shots.size() != plan.shots().size()) {
            throw new IllegalStateException(
                    "the sequence has " + plan.shots().size() + " shots but " + shots.size() + " were accepted");
        }
        StitchPlan stitch = StitchPlan.of(
                plan.shots().stream()
                        .map(s -> s.index() == 1 ? s : s.withTransitionIn(Transition.CROSSFADE))
                        .toList(),
                plan.shots().stream().map(PlannedShot::durationSeconds).toList(),
                request.settings().fps());
        List<String> warnings = new ArrayList<>();
        for (PlannedShot shot : plan.shots()) {
            if (shot.transitionIn() == Transition.CUT && shot.index() > 1) {
                warnings.add("shot " + shot.index() + " joins with a cut in the storyboard; the stitch crossfades every"
                        + " join (hard cuts at joins are not built yet)");
            }
        }
        JobDetail detail = jobs.update(job.jobId(), r -> r.withDetail(r.detail().withWarningsAdded(warnings)))
                .detail();
        List<String> giveUps = shots.stream()
                .filter(s -> s.review().verdict() == Verdict.GIVE_UP_ACCEPT)
                .map(s -> "shot " + s.index() + ": " + s.review().reason())
                .toList();
        Verdict verdict = giveUps.isEmpty() ? Verdict.PASS : Verdict.GIVE_UP_ACCEPT;
        String reason = giveUps.isEmpty()
                ? String.format(
                        Locale.ROOT,
                        "all %d shots passed (%s); stitched at %s",
                        shots.size(),
                        reRenderSummary(detail, shots.size()),
                        joinTimes(stitch))
                : String.join("; ", giveUps);
        List<Check> checks = new ArrayList<>();
        shots.forEach(s -> checks.addAll(s.review().checks()));
        String reportKey = StorageKeys.report(job.tenant(), job.jobId());
        writeReport(reportKey, job, detail, verdict, reason, shots, stitch);
        clips.putBytes(
                ReviewStep.htmlKey(reportKey),
                ReportPage.render(
                                "Reelforge review: " + job.jobId() + " (" + shots.size() + " shots)",
                                verdict.wireName(),
                                reason,
                                checks,
                                List.of(),
                                null,
                                request.storyboard(),
                                stitch.joins().stream()
                                        .map(j -> j.frame(stitch.fps()))
                                        .toList())
                        .getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
        return new ReviewOutcome(
                verdict,
                reason,
                shots.get(0).review().bestClipKey(),
                shots.get(0).review().bestProviderJobId(),
                checks,
                RoundMode.NONE,
                "",
                "",
                reportKey,
                shots.stream().map(s -> s.review().bestClipKey()).toList());
    }

    /** How many rounds each shot took, from the job record's attempts. */
    static String reRenderSummary(JobDetail detail, int shotCount) {
        List<String> parts = new ArrayList<>();
        for (int shot = 1; shot <= shotCount; shot++) {
            long rounds = rounds(detail, shot);
            if (rounds > 1) {
                parts.add("shot " + shot + " re-rendered " + (rounds - 1) + "×");
            }
        }
        return parts.isEmpty() ? "none re-rendered" : String.join(", ", parts);
    }

    private static long rounds(JobDetail detail, int shot) {
        return detail.attempts().stream()
                .filter(a -> a.shot() != null && a.shot() == shot)
                .count();
    }

    /**
     * A shot that reuses an earlier job's clip: a storyboard edit's (on the record's version link) or the prompt
     * cache's (on the record's cached shots).
     */
    private static Optional<ReusedShot> reused(JobDetail detail, int shot) {
        List<ReusedShot> all = new ArrayList<>(detail.cachedShots());
        if (detail.version() != null) {
            all.addAll(detail.version().reusedShots());
        }
        return all.stream().filter(r -> r.shot() == shot).findFirst();
    }

    private static String joinTimes(StitchPlan stitch) {
        return String.join(
                ", ",
                stitch.joins().stream()
                        .map(j -> String.format(Locale.ROOT, "%.2f s", j.atSeconds()))
                        .toList());
    }

    private void writeReport(
            String key,
            JobTicket job,
            JobDetail detail,
            Verdict verdict,
            String reason,
            List<ShotResult> shots,
            StitchPlan stitch) {
        ObjectNode report = json.createObjectNode();
        report.put("jobId", job.jobId());
        report.put("tenant", job.tenant());
        report.put("provider", job.provider() + "/" + job.model());
        report.put("verdict", verdict.wireName());
        report.put("reason", reason);
        report.put("html", ReviewStep.htmlKey(key));
        ArrayNode list = report.putArray("shots");
        for (ShotResult shot : shots) {
            List<AttemptDetail> own = detail.attempts().stream()
                    .filter(a -> a.shot() != null && a.shot() == shot.index())
                    .toList();
            ObjectNode node = list.addObject();
            node.put("shot", shot.index());
            node.put("verdict", shot.review().verdict().wireName());
            node.put("clipKey", shot.review().bestClipKey());
            node.put("reRendered", own.size() > 1);
            reused(detail, shot.index()).ifPresent(r -> node.put("reusedFrom", r.fromJob() + "#" + r.fromShot()));
            node.put("cached", detail.cachedShots().stream().anyMatch(r -> r.shot() == shot.index()));
            node.set(
                    "providerJobIds",
                    json.valueToTree(own.stream()
                            .filter(a -> a.providerJobIds() != null)
                            .flatMap(a -> a.providerJobIds().stream())
                            .toList()));
            node.set("checks", json.valueToTree(shot.review().checks()));
            node.set("attempts", json.valueToTree(own));
        }
        report.set("joins", json.valueToTree(stitch.joins()));
        report.put("totalSeconds", stitch.totalSeconds());
        report.set("warnings", json.valueToTree(detail.warnings()));
        report.set("providerJobs", json.valueToTree(detail.providerJobs()));
        report.put("reviewedAt", clock.instant().toString());
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
}
