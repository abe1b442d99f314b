package dev.reelforge.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.internal.ExecutionRunner;
import dev.reelforge.local.engine.internal.Settings;
import dev.reelforge.local.engine.internal.TokenRegistry;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Runs state machines locally with AWS semantics. Immutable: the {@code with*} methods return
 * configured copies that share one daemon thread pool (used for Map/Parallel branches and for
 * tasks that have a timeout) and one set of task tokens ({@link #tokens()}). Thread-safe: executions may run concurrently on different threads.
 */
public final class Engine {
    private final Settings settings;

    public Engine(TaskHandler tasks, EngineClock clock) {
        this(tasks, clock, new Random());
    }

    private Engine(TaskHandler tasks, EngineClock clock, Random random) {
        this(new Settings(
                Objects.requireNonNull(tasks, "tasks"),
                Objects.requireNonNull(clock, "clock"),
                new ExecutionListener() {},
                random,
                newPool(),
                ObjectStore.none(),
                new TokenRegistry(random),
                true));
    }

    private Engine(Settings settings) {
        this.settings = settings;
    }

    /** A copy that reports every history event to {@code listener} as it is recorded. */
    public Engine withListener(ExecutionListener listener) {
        return new Engine(new Settings(
                settings.tasks(),
                settings.clock(),
                Objects.requireNonNull(listener),
                settings.random(),
                settings.pool(),
                settings.objects(),
                settings.tokens(),
                settings.history()));
    }

    /** A copy drawing retry jitter, States.MathRandom and States.UUID from {@code random} (seed it for repeatable runs). */
    public Engine withRandom(RandomGenerator random) {
        return new Engine(new Settings(
                settings.tasks(),
                settings.clock(),
                settings.listener(),
                Objects.requireNonNull(random),
                settings.pool(),
                settings.objects(),
                settings.tokens(),
                settings.history()));
    }

    /** A copy whose Distributed Maps read items from and write results to {@code objects} (the local S3, say). */
    public Engine withObjects(ObjectStore objects) {
        return new Engine(new Settings(
                settings.tasks(),
                settings.clock(),
                settings.listener(),
                settings.random(),
                settings.pool(),
                Objects.requireNonNull(objects),
                settings.tokens(),
                settings.history()));
    }

    /**
     * A copy whose executions keep no history events and tell no listener: an EXPRESS machine's StartSyncExecution,
     * whose history AWS does not keep (GetExecutionHistory refuses EXPRESS executions). The result's history is
     * empty; event ids are still counted, so error causes quote the same ids as with history.
     */
    public Engine withoutHistory() {
        return new Engine(settings.withHistory(false));
    }

    /** Where SendTaskSuccess/Failure/Heartbeat answer this engine's {@code .waitForTaskToken} Tasks (shared by copies). */
    public TaskTokens tokens() {
        return settings.tokens();
    }

    /**
     * Runs one execution to completion on the calling thread. Interrupting the thread aborts it.
     *
     * @param stateMachineArn e.g. {@code arn:aws:states:us-east-1:123456789012:stateMachine:Clip}
     */
    public ExecutionResult run(StateMachine sm, String stateMachineArn, String executionName, JsonNode input) {
        return new ExecutionRunner(settings, sm.graph(), stateMachineArn, executionName).run(input);
    }

    private static ExecutorService newPool() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "states-engine-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(factory);
    }
}
