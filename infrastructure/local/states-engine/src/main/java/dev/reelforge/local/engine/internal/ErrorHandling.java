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
    public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts,
            double backoffRate, Double maxDelaySeconds, boolean fullJitter) {}

    /** @param resultPath {@code null} discards the error output, keeping the state input */
    public record Catcher(List<String> errorEquals, String next, String resultPath) {}
}
