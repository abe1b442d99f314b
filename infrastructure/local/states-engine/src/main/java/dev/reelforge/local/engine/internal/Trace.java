package dev.reelforge.local.engine.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread of control in an execution (the main path, a Parallel branch or a Map iteration):
 * remembers its last event id for {@code previousEventId} and whether its fan-out was cancelled
 * because a sibling failed. Not shared between threads except for the cancel flag.
 */
final class Trace {
    private final Trace parent;
    private final AtomicBoolean cancelled;
    private long lastEventId;

    private Trace(Trace parent, AtomicBoolean cancelled, long lastEventId) {
        this.parent = parent;
        this.cancelled = cancelled;
        this.lastEventId = lastEventId;
    }

    static Trace root() {
        return new Trace(null, new AtomicBoolean(), 0);
    }

    /** A child trace continuing from this one's last event, cancelled through {@code flag}. */
    Trace fork(AtomicBoolean flag) {
        return new Trace(this, flag, lastEventId);
    }

    boolean cancelled() {
        return cancelled.get() || (parent != null && parent.cancelled());
    }

    long lastEventId() {
        return lastEventId;
    }

    void lastEventId(long id) {
        lastEventId = id;
    }

    /** Thrown inside a branch whose siblings already failed, to unwind it quietly. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("branch cancelled", null, false, false);
        }
    }
}
