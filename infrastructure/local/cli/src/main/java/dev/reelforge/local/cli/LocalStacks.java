package dev.reelforge.local.cli;

import dev.reelforge.local.stack.LocalAwsStack;
import java.nio.file.Path;

/**
 * Where a {@code run} gets its local stack: started for the run and stopped after it, as users get it, or lent by a
 * test that runs hundreds of requests on one stack (a start costs seconds; see {@code BadInputCliTest}).
 */
@FunctionalInterface
interface LocalStacks {
    Lease open(Path dataDir);

    /** A new stack per run, stopped (tables snapshotted) when the lease closes. */
    static LocalStacks startEach() {
        return dataDir -> {
            LocalAwsStack stack = LocalAwsStack.start(dataDir);
            return new Lease(stack, stack::close);
        };
    }

    /** One running stack for every run; closing a lease leaves it running (its owner stops it). */
    static LocalStacks shared(LocalAwsStack stack) {
        return dataDir -> new Lease(stack, () -> {});
    }

    /** A stack for the length of one run. */
    record Lease(LocalAwsStack stack, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }
}
