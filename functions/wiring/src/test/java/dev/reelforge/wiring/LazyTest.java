package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void get_calledTwice_buildsOnceAndOnlyWhenAsked() {
        AtomicInteger builds = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "client " + builds.incrementAndGet());

        assertThat(builds).hasValue(0);
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(builds).hasValue(1);
    }
}
