package dev.reelforge.core.port;

import dev.reelforge.core.review.judge.JudgeAnswer;
import dev.reelforge.core.review.judge.JudgeRequest;
import java.util.List;

/**
 * A model that looks at stills of a clip and answers the visual items of the checklist, one answer per item: the
 * optional second opinion beside the measured checks. Thread-safe.
 */
public interface VisualJudge {
    /**
     * @return exactly one answer per requested item
     * @throws dev.reelforge.core.error.ProviderThrottledException when the judge is busy or unreachable (retry later)
     * @throws dev.reelforge.core.error.ProviderFailedException when it refuses, is misconfigured or answers off-schema
     */
    List<JudgeAnswer> judge(JudgeRequest request);
}
