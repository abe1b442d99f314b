package dev.reelforge.core.workflow;

import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.edit.EditSource;
import dev.reelforge.core.edit.StoryboardDiff;
import dev.reelforge.core.edit.StoryboardEdit;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.StoryboardParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.sequence.PlannedShot;
import dev.reelforge.core.sequence.ShotFingerprints;
import dev.reelforge.core.sequence.ShotPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The part of a storyboard edit that is about shots: the new version's request (the original's with the new
 * storyboard), which shots render and which reuse the earlier version's accepted clip ({@link StoryboardDiff} over
 * {@link ShotFingerprints}), and the {@code Shots} Map's items. A rendered shot chained after a reused one starts from
 * the reused clip's last frame. Refuses, naming {@code edit.storyboard}, an original that rendered as one clip, a new
 * storyboard of one shot, and a storyboard that changes nothing.
 */
final class StoryboardEditStep {
    private final StoryboardParser parser = new StoryboardParser();

    /** The original request with the new storyboard: its prompt, cues and (if given) duration. */
    RenderRequest request(EditRequest edit, EditSource source) {
        RenderRequest original = source.request();
        if (!ShotPlan.rendersShotByShot(original)) {
            throw InvalidRequestException.of(
                    "edit.storyboard",
                    "job " + edit.of() + " rendered as one clip; a storyboard edit re-renders the changed shots of a"
                            + " storyboard rendered shot by shot. Render the new storyboard as a new job");
        }
        StoryboardEdit board = edit.storyboard();
        RenderSettings s = original.settings();
        double seconds = board.durationSeconds() > 0 ? board.durationSeconds() : s.durationSeconds();
        StoryboardParser.Result parsed = parser.parse(board.prompt(), board.audioCues(), seconds, s.fps());
        if (!parsed.problems().isEmpty()) {
            throw new InvalidRequestException(parsed.problems().stream()
                    .map(p -> new InvalidRequestException.Problem("edit.storyboard." + p.field(), p.message()))
                    .toList());
        }
        RenderRequest request = new RenderRequest(
                original.tenant(),
                original.clientRequestId(),
                board.prompt(),
                parsed.storyboard(),
                new RenderSettings(s.aspectRatio(), seconds, s.resolution(), s.fps(), s.variations(), s.style()),
                original.provider(),
                original.budgetUsd(),
                original.maxAttempts(),
                original.onGiveUp(),
                original.defects(),
                original.defectsPersist(),
                original.reviewOverrides(),
                original.referenceImage(),
                false);
        if (!ShotPlan.rendersShotByShot(request)) {
            throw InvalidRequestException.of(
                    "edit.storyboard.prompt",
                    "the new storyboard has one shot, but job " + edit.of() + " is a sequence of "
                            + ScenePlan.of(original).shots().size()
                            + " shots; a storyboard edit keeps at least two timed shots (\"00:00–00:05: …\")");
        }
        return request;
    }

    /**
     * Which shots of {@code request} render and which reuse a clip of the job edited.
     *
     * @param referenceSha256 the reference image's checksum; empty for none
     */
    StoryboardDiff diff(
            EditRequest edit,
            EditSource source,
            RenderRequest request,
            ModelCapabilities model,
            String referenceSha256) {
        List<String> old = ShotFingerprints.of(ShotPlan.of(source.request(), model), model, referenceSha256);
        List<String> now = ShotFingerprints.of(ShotPlan.of(request, model), model, referenceSha256);
        if (old.equals(now)) {
            throw InvalidRequestException.of(
                    "edit.storyboard",
                    "every shot is the same as job " + edit.of() + "'s (prompt, duration, reference, model and"
                            + " settings); change a shot to render a new version");
        }
        return StoryboardDiff.of(old, source.original(), now);
    }

    /** What the shots that render are estimated at: each shot's price for its length, times the variations. */
    static double estimateUsd(RenderRequest request, ModelCapabilities model, StoryboardDiff diff) {
        return ShotPlan.of(request, model).shots().stream()
                .filter(shot -> diff.renders(shot.index()))
                .mapToDouble(shot -> model.pricePerSecondUsd()
                        * shot.durationSeconds()
                        * request.settings().variations())
                .sum();
    }

    /**
     * The {@code Shots} Map's items: a shot that renders starts its own attempts as in any sequence; a reused one
     * is already accepted, with the earlier version's clip and verdict.
     */
    static List<ShotItem> items(RenderRequest request, ModelCapabilities model, StoryboardDiff diff, JobTicket job) {
        ShotPlan after = ShotPlan.of(request, model);
        List<ShotItem> items = new ArrayList<>();
        for (PlannedShot shot : after.shots()) {
            int firstAttempt = (shot.index() - 1) * request.maxAttempts() + 1;
            ReusedShot previous = shot.index() > 1 ? diff.reused().get(shot.index() - 2) : null;
            String previousFrame = shot.chainsFromPrevious() && previous != null ? previous.lastFrameKey() : "";
            ShotTicket ticket =
                    new ShotTicket(shot.index(), after.shots().size(), firstAttempt, after.chained(), previousFrame);
            JobTicket own = job.forShot(
                    ticket,
                    model.pricePerSecondUsd() * shot.durationSeconds(),
                    shot.chainsFromPrevious() ? ReferenceImage.NONE : job.referenceImage());
            ReusedShot reused = diff.reused().get(shot.index() - 1);
            ReviewOutcome review = reused == null
                    ? ReviewOutcome.notReviewed()
                    : new ReviewOutcome(
                            reused.verdict(),
                            "unchanged: shot " + reused.fromShot() + " of job " + reused.fromJob() + ", reused",
                            reused.clipKey(),
                            "",
                            List.of(),
                            RoundMode.NONE,
                            "",
                            "",
                            "");
            items.add(new ShotItem(
                    shot.index(),
                    after.requestFor(shot),
                    own,
                    RenderRound.before(firstAttempt),
                    review,
                    reused != null));
        }
        return items;
    }

    /** The version link's words: {@code storyboard 3f2a…: renders shots 2, 3; reuses shot 1 of job mug}. */
    static String describe(EditRequest edit, StoryboardDiff diff) {
        String rendered = diff.rendered().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String reused = diff.reusedOnly().stream()
                .map(r -> r.shot() + " (shot " + r.fromShot() + " of " + r.fromJob() + ")")
                .collect(Collectors.joining(", "));
        return edit.describe() + ": renders " + (rendered.isEmpty() ? "no shot" : "shots " + rendered)
                + (reused.isEmpty() ? "" : "; reuses shots " + reused);
    }
}
