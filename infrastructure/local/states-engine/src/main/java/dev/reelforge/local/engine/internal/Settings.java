package dev.reelforge.local.engine.internal;

import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.TaskHandler;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/**
 * An engine's collaborators, handed to each execution; copies made by {@code with*} share the pool and tokens.
 *
 * @param history whether executions keep their history events (off for EXPRESS StartSyncExecution, which AWS keeps
 *     none of: event ids are still counted, for the error causes that quote them)
 */
public record Settings(
        TaskHandler tasks,
        EngineClock clock,
        ExecutionListener listener,
        RandomGenerator random,
        ExecutorService pool,
        ObjectStore objects,
        TokenRegistry tokens,
        boolean history) {

    /** The same settings reporting to {@code newListener} (a Distributed Map's child executions report nowhere). */
    public Settings withListener(ExecutionListener newListener) {
        return new Settings(tasks, clock, newListener, random, pool, objects, tokens, history);
    }

    /** The same settings, keeping history events or not. */
    public Settings withHistory(boolean keep) {
        return new Settings(tasks, clock, listener, random, pool, objects, tokens, keep);
    }
}
