package dev.reelforge.core.review;

import java.util.List;

/**
 * Every check for one clip (one variation of one attempt). {@code advisory} holds checks that are reported but never
 * count in the verdict or the score (an advisory visual judge's answers).
 */
public record ClipScore(String clipKey, int variation, List<Check> checks, List<Check> advisory) {
    public ClipScore {
        checks = List.copyOf(checks);
        advisory = List.copyOf(advisory);
    }

    public ClipScore(String clipKey, int variation, List<Check> checks) {
        this(clipKey, variation, checks, List.of());
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** Fraction of checks passed, 0–1; ties between clips go to the earlier variation. */
    public double score() {
        return checks.isEmpty() ? 1.0 : (double) (checks.size() - failed().size()) / checks.size();
    }
}
