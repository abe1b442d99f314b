package dev.reelforge.core.review.judge;

import java.util.Objects;

/**
 * The judge's answer to one checklist item.
 *
 * @param confidence how sure the judge says it is, 0–1
 * @param reason one sentence, in the judge's words, naming what it saw
 */
public record JudgeAnswer(JudgeItem item, boolean passed, double confidence, String reason) {
    public JudgeAnswer {
        Objects.requireNonNull(item, "item");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a judge's confidence is between 0 and 1, not " + confidence);
        }
        reason = reason == null ? "" : reason.strip();
    }
}
