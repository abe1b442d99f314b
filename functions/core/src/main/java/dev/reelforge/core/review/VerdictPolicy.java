package dev.reelforge.core.review;

import dev.reelforge.core.request.RenderRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The creator's rule for acting on a review: pick the best clip; if it passes, ship it; one failed check → a
 * targeted remix (or a regeneration carrying that fix where the provider cannot remix); two or more → regenerate
 * with a revised prompt; when attempts or budget run out, accept the best with warnings or fail, per the request.
 */
public final class VerdictPolicy {
    private VerdictPolicy() {}

    /**
     * @param roundPrompt the prompt the reviewed clips were rendered from: the request's, or an earlier revision of
     *     it, whose fixes the next revision keeps (a regeneration that fixes blur must not undo an earlier fix)
     * @param attempt attempts made so far, this one included (1-based)
     * @param spentUsd estimated spend so far
     * @param nextAttemptUsd estimated cost of one more attempt
     */
    public static Decision decide(
            List<ClipScore> scores,
            RenderRequest request,
            String roundPrompt,
            int attempt,
            double spentUsd,
            double nextAttemptUsd,
            boolean providerCanRemix) {
        String basePrompt = roundPrompt.isBlank() ? request.prompt() : roundPrompt;
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("nothing to review");
        }
        ClipScore best = scores.stream()
                .max(Comparator.comparingDouble(ClipScore::score).thenComparing(s -> -s.variation()))
                .orElseThrow();
        List<Check> failed = best.failed();
        if (failed.isEmpty()) {
            return new Decision(
                    Verdict.PASS, best, Next.none(), "all " + best.checks().size() + " checks passed");
        }
        String failedNames = String.join(", ", failed.stream().map(Check::name).toList());
        if (attempt >= request.maxAttempts() || spentUsd + nextAttemptUsd > request.budgetUsd()) {
            String why = attempt >= request.maxAttempts()
                    ? "no attempts left (" + attempt + " of " + request.maxAttempts() + ")"
                    : String.format(
                            Locale.ROOT,
                            "another attempt ($%.2f) would exceed the $%.2f budget",
                            nextAttemptUsd,
                            request.budgetUsd());
            Verdict verdict = request.onGiveUp() == RenderRequest.GiveUpPolicy.FAIL
                    ? Verdict.GIVE_UP_FAIL
                    : Verdict.GIVE_UP_ACCEPT;
            return new Decision(verdict, best, Next.none(), why + "; still failing: " + failedNames);
        }
        if (failed.size() == 1) {
            Check only = failed.get(0);
            String instruction = PromptRevision.editInstruction(only, request.storyboard());
            if (providerCanRemix) {
                return new Decision(
                        Verdict.REMIX,
                        best,
                        new Next(RoundMode.REMIX, basePrompt, instruction),
                        "one check failed (" + failedNames + "): targeted remix");
            }
            return new Decision(
                    Verdict.REGENERATE,
                    best,
                    new Next(RoundMode.REGENERATE, PromptRevision.withFix(basePrompt, instruction), instruction),
                    "one check failed (" + failedNames
                            + "); the provider cannot remix, so regenerate with the targeted fix");
        }
        String revised = PromptRevision.revisedPrompt(basePrompt, failed, request.storyboard());
        return new Decision(
                Verdict.REGENERATE,
                best,
                new Next(RoundMode.REGENERATE, revised, ""),
                failed.size() + " checks failed (" + failedNames + "): regenerate with a revised prompt");
    }

    /** The verdict, the clip it is about, what to submit next (if anything) and a sentence saying why. */
    public record Decision(Verdict verdict, ClipScore best, Next next, String reason) {}

    /** The next submission: {@code mode} is remix, regenerate or none. */
    public record Next(RoundMode mode, String prompt, String instruction) {
        static Next none() {
            return new Next(RoundMode.NONE, "", "");
        }
    }
}
