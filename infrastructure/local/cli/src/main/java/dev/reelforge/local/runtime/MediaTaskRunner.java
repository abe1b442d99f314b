package dev.reelforge.local.runtime;

import java.util.Map;

/** Runs the media container's work locally for an {@code ecs:runTask.sync} state; returns its exit code. */
@FunctionalInterface
public interface MediaTaskRunner {
    int run(Map<String, String> environmentOverrides);
}
