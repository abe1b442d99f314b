package dev.reelforge.local.engine.internal;

import java.util.List;

/** Retry and Catch configuration of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    public ErrorHandling {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    /** @param maxDelaySeconds {@code null} when uncapped */
    public record Retrier(
            List<String> errorEquals,
            double intervalSeconds,
            int maxAttempts,
            double backoffRate,
            Double maxDelaySeconds,
            boolean fullJitter) {}

    /**
     * @param flow ResultPath and Assign (JSONPath; a {@code null} ResultPath keeps the state input) or Output and
     *     Assign (JSONata) applied to the error output
     */
    public record Catcher(List<String> errorEquals, String next, Flow flow) {}
}
