package dev.reelforge.core.review.checks;

import dev.reelforge.core.review.Check;
import java.util.Locale;

/**
 * {@code continuity}: does a shot of a chained sequence pick up where the previous accepted shot left off? The SSIM
 * of its first frame against that shot's last frame (what the provider was sent as the first frame) must reach
 * the same bar as a reference image ({@code review.thresholds.referenceMatch}). Reviewed on each shot after the first, so a
 * break at a join is re-rendered with that shot alone.
 */
public final class ShotContinuity {
    public static final String NAME = "continuity";

    private ShotContinuity() {}

    public static Check evaluate(int shot, double ssim, double threshold) {
        boolean passed = ssim >= threshold;
        return new Check(
                NAME,
                passed,
                ssim,
                threshold,
                "SSIM",
                String.format(Locale.ROOT, "first frame against shot %d's last frame: SSIM %.3f", shot - 1, ssim),
                passed ? "" : "open on the previous shot's last frame: send it as the first frame, or regenerate");
    }
}
