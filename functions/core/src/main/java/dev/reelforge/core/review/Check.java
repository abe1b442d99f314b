package dev.reelforge.core.review;

/**
 * One measured item of the creator's checklist, e.g. {@code conformance} or {@code flicker}: what was measured,
 * against which threshold, and the fix to try when it fails.
 */
public record Check(
        String name, boolean passed, double value, double threshold, String unit, String detail, String suggestedFix) {
    private static final String NOT_APPLICABLE = "not applicable: ";

    public Check {
        detail = detail == null ? "" : detail;
        suggestedFix = suggestedFix == null ? "" : suggestedFix;
    }

    /**
     * A check that cannot measure what it measures on this clip (nothing to pair, no shot long enough): it passes,
     * because a clip must never be sent back for what could not be seen, and its detail says why.
     */
    public static Check notApplicable(String name, double threshold, String unit, String reason) {
        return new Check(name, true, 0, threshold, unit, NOT_APPLICABLE + reason, "");
    }

    /** False for a {@link #notApplicable} check. */
    public boolean applicable() {
        return !detail.startsWith(NOT_APPLICABLE);
    }
}
