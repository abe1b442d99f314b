package dev.reelforge.core.workflow;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ConformanceCheck;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.core.review.checks.Soundtrack;
import dev.reelforge.core.review.judge.ClipJudging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks one clip gets, the same in the ReviewScore state ({@link ReviewStep}) and in {@code reelforge review}:
 * the checklist on the clip's metrics, with the limits of the request's provider profile and overrides, then the
 * visual judge's answers (binding ones count as checks, advisory ones are kept apart). Thread-safe if the judge is.
 * <pre>{@code
 * ClipReview.Result result = new ClipReview(judging, ReviewProfiles.bundled(json)).review(clip, metrics, request);
 * }</pre>
 */
public final class ClipReview {
    private static final Storyboard NO_STORYBOARD = new Storyboard("", List.of(), List.of());

    private final ClipJudging judging;
    private final ReviewProfiles profiles;

    public ClipReview(ClipJudging judging, ReviewProfiles profiles) {
        this.judging = judging;
        this.profiles = profiles;
    }

    /** The clip against the request it was made for: its settings, storyboard, provider profile and overrides. */
    public Result review(Path clip, ClipMetrics metrics, RenderRequest request) {
        return review(clip, metrics, request, Soundtrack.expected());
    }

    /** As above, for a clip of a model that does or does not render sound (the audio checks need sound). */
    public Result review(Path clip, ClipMetrics metrics, RenderRequest request, Soundtrack sound) {
        List<Check> checks = ClipChecks.evaluate(
                metrics, request.settings(), request.storyboard(), request.reviewThresholds(profiles), sound);
        return judged(clip, request.prompt(), request.storyboard(), checks);
    }

    /** A clip without its request: conformance of its own streams only, no storyboard, the default limits. */
    public Result reviewAlone(Path clip, ClipMetrics metrics) {
        List<Check> checks = ClipChecks.evaluate(
                ConformanceCheck.evaluateUnordered(metrics.probe()),
                metrics,
                NO_STORYBOARD,
                ReviewThresholds.defaults());
        return judged(clip, "", NO_STORYBOARD, checks);
    }

    private Result judged(Path clip, String prompt, Storyboard storyboard, List<Check> checklist) {
        ClipJudging.Result judged = judging.judge(clip, prompt, storyboard);
        List<Check> checks = new ArrayList<>(checklist);
        checks.addAll(judged.binding());
        return new Result(checks, judged.advisory(), judged.note());
    }

    /**
     * @param checks the checks that decide: the checklist and the judge's binding answers
     * @param advisory the judge's answers that are shown but do not count
     * @param note why the judge did not answer, or empty
     */
    public record Result(List<Check> checks, List<Check> advisory, String note) {
        public Result {
            checks = List.copyOf(checks);
            advisory = List.copyOf(advisory);
        }

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }
}
