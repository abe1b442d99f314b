package dev.reelforge.local.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time: Wait states, Retry intervals, timeouts and history timestamps
 * all go through it, so tests can swap in a {@link VirtualClock} and never really wait.
 */
public interface EngineClock {
    Instant now();

    void sleep(Duration d) throws InterruptedException;

    /** Wall-clock time and real sleeping. */
    static EngineClock system() {
        return new EngineClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                if (!d.isNegative() && !d.isZero()) {
                    Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
                }
            }
        };
    }
}
