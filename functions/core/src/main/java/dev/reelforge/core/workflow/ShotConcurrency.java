package dev.reelforge.core.workflow;

import dev.reelforge.core.provider.ModelCapabilities;
import java.util.List;

/**
 * How many shots of a sequence the {@code Shots} Map renders at once ({@code MaxConcurrencyPath:
 * $.shotConcurrency} in {@code render.asl.json}). A shot that starts from a predecessor's last frame which this job
 * has still to render waits for it, so one such shot makes the whole Map run one shot at a time. Otherwise the shots
 * that render run in parallel, up to the model's {@link ModelCapabilities#maxConcurrentJobs()} (its provider's rate
 * or concurrency limit). A chained shot whose predecessor is reused (a storyboard edit's unchanged shot, or one the
 * prompt cache answers) starts from that clip's stored last frame and waits for nothing.
 *
 * <pre>{@code
 * ShotConcurrency.of(items, model); // 1 for a chained sequence; min(limit, shots that render) otherwise
 * }</pre>
 */
public final class ShotConcurrency {
    private ShotConcurrency() {}

    /** At least 1, at most the model's limit and the number of shots that render. */
    public static int of(List<ShotItem> items, ModelCapabilities model) {
        List<ShotItem> rendering = items.stream().filter(i -> !i.reused()).toList();
        if (rendering.stream().anyMatch(ShotConcurrency::waitsForPredecessor)) {
            return 1;
        }
        return Math.max(1, Math.min(model.maxConcurrentJobs(), rendering.size()));
    }

    private static boolean waitsForPredecessor(ShotItem item) {
        ShotTicket shot = item.job().shot();
        return shot != null && shot.startsFromPrevious() && shot.previousFrame().isEmpty();
    }
}
