package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void inBackground_buildsOnANamedDaemonThread_notTheCaller() throws Exception {
        CompletableFuture<Thread> builtOn = new CompletableFuture<>();

        Warmup.inBackground("dynamodb", () -> builtOn.complete(Thread.currentThread()));

        Thread thread = builtOn.get(30, TimeUnit.SECONDS);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.isDaemon())
                .as("never keeps a finished handler's JVM alive")
                .isTrue();
        assertThat(thread.getName()).isEqualTo("reelforge-warm-dynamodb");
    }

    @Test
    void inBackground_aFailingBuild_isLeftToTheFirstUse() throws Exception {
        CompletableFuture<Thread> failedOn = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.complete(e));
        try {
            Warmup.inBackground("failing", () -> {
                failedOn.complete(Thread.currentThread());
                throw new IllegalStateException("no region");
            });
            failedOn.get(30, TimeUnit.SECONDS).join(30_000);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught)
                .as("nothing printed or thrown from the warm-up thread")
                .isNotDone();
    }
}
