package dev.reelforge.local.engine.internal;

import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.TaskHandler;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** An engine's collaborators, handed to each execution; copies made by {@code with*} share the pool and tokens. */
public record Settings(
        TaskHandler tasks,
        EngineClock clock,
        ExecutionListener listener,
        RandomGenerator random,
        ExecutorService pool,
        ObjectStore objects,
        TokenRegistry tokens) {

    /** The same settings reporting to {@code newListener} (a Distributed Map's child executions report nowhere). */
    public Settings withListener(ExecutionListener newListener) {
        return new Settings(tasks, clock, newListener, random, pool, objects, tokens);
    }
}
