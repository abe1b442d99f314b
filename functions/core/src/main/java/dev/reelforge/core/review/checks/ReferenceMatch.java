package dev.reelforge.core.review.checks;

import dev.reelforge.core.review.Check;
import java.util.Locale;

/**
 * {@code reference-match}: does the clip open on the reference image it was given? The SSIM of the first frame
 * against the fitted copy (what the provider was sent) must reach {@link #THRESHOLD}. A first-frame model starts
 * from the image, so its first frame is near it (the animatic's measures above 0.9); a model that only takes the
 * image as guidance may drift further, which is what this check is there to see. Not applicable without a
 * reference image.
 */
public final class ReferenceMatch {
    public static final String NAME = "reference-match";

    /**
     * SSIM the first frame must reach by default ({@code review.thresholds.referenceMatch} overrides it);
     * docs/review-checks.md gives the reasoning.
     */
    public static final double THRESHOLD = 0.6;

    private ReferenceMatch() {}

    public static Check evaluate(double ssim) {
        return evaluate(ssim, THRESHOLD);
    }

    public static Check evaluate(double ssim, double threshold) {
        boolean passed = ssim >= threshold;
        return new Check(
                NAME,
                passed,
                ssim,
                threshold,
                "SSIM",
                String.format(Locale.ROOT, "first frame against the fitted reference image: SSIM %.3f", ssim),
                passed ? "" : "open on the reference image: send it as the first frame, or regenerate");
    }

    public static Check notApplicable() {
        return Check.notApplicable(NAME, THRESHOLD, "SSIM", "the request has no reference image");
    }
}
