package dev.reelforge.core.workflow;

import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import java.util.List;

/**
 * The review of the latest round, as the state machine's verdict Choice reads it.
 *
 * @param verdict none (nothing reviewed yet), pass, remix, regenerate, give-up-accept or give-up-fail
 * @param nextMode initial, remix, regenerate or none: what Submit does next
 */
public record ReviewOutcome(
        Verdict verdict,
        String reason,
        String bestClipKey,
        String bestProviderJobId,
        List<Check> checks,
        RoundMode nextMode,
        String nextPrompt,
        String nextInstruction,
        String reportKey) {

    public ReviewOutcome {
        checks = List.copyOf(checks);
    }

    public static ReviewOutcome notReviewed() {
        return new ReviewOutcome(Verdict.NONE, "", "", "", List.of(), RoundMode.INITIAL, "", "", "");
    }
}
