package dev.reelforge.local.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock for tests: {@link #sleep(Duration)} returns at once after moving virtual time forward
 * and recording the requested duration. Thread-safe; note that sleeps from concurrent branches
 * accumulate rather than overlap, so only single-threaded sections give exact wall-time sums.
 */
public final class VirtualClock implements EngineClock {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** Starts at 2024-01-01T00:00:00Z, a fixed and readable epoch for assertions. */
    public VirtualClock() {
        this(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            sleeps.add(d);
            if (!d.isNegative()) {
                now = now.plus(d);
            }
        }
    }

    /** Moves time forward without recording a sleep, e.g. to simulate a slow task. */
    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Every duration passed to {@link #sleep(Duration)}, in call order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
