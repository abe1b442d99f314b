package dev.reelforge.core.review;

/**
 * One measured item of the creator's checklist, e.g. {@code conformance} or {@code flicker}: what was measured,
 * against which threshold, and the fix to try when it fails.
 */
public record Check(String name, boolean passed, double value, double threshold, String unit, String detail, String suggestedFix) {
    public Check {
        detail = detail == null ? "" : detail;
        suggestedFix = suggestedFix == null ? "" : suggestedFix;
    }
}
