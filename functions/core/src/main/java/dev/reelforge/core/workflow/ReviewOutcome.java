package dev.reelforge.core.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import java.util.List;

/**
 * The review of the latest round, as the state machine's verdict Choice reads it.
 *
 * @param verdict none (nothing reviewed yet), pass, remix, regenerate, give-up-accept or give-up-fail
 * @param nextMode initial, remix, regenerate or none: what Submit does next
 * @param shotClipKeys a multi-shot sequence's accepted shot clips in order, which post-processing stitches; empty
 *     for one clip
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
        String reportKey,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> shotClipKeys) {

    public ReviewOutcome {
        checks = List.copyOf(checks);
        shotClipKeys = shotClipKeys == null ? List.of() : List.copyOf(shotClipKeys);
    }

    /** The review of one clip (no multi-shot sequence). */
    public ReviewOutcome(
            Verdict verdict,
            String reason,
            String bestClipKey,
            String bestProviderJobId,
            List<Check> checks,
            RoundMode nextMode,
            String nextPrompt,
            String nextInstruction,
            String reportKey) {
        this(
                verdict,
                reason,
                bestClipKey,
                bestProviderJobId,
                checks,
                nextMode,
                nextPrompt,
                nextInstruction,
                reportKey,
                List.of());
    }

    public static ReviewOutcome notReviewed() {
        return new ReviewOutcome(Verdict.NONE, "", "", "", List.of(), RoundMode.INITIAL, "", "", "");
    }
}
