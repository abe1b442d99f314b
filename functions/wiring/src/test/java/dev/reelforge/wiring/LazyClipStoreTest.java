package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.testing.DirectoryClipStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyClipStoreTest {
    @Test
    void store_builtOnFirstCallOnly_andThenShared() throws Exception {
        Path bucket = Files.createTempDirectory(Path.of("target"), "lazy-clips");
        AtomicInteger built = new AtomicInteger();
        LazyClipStore clips = new LazyClipStore(() -> {
            built.incrementAndGet();
            return new DirectoryClipStore(bucket);
        });

        assertThat(built).as("holding the store builds nothing").hasValue(0);
        clips.putBytes("a/b.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(clips.exists("a/b.json")).isTrue();
        assertThat(clips.getBytes("a/b.json"))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{}"));
        assertThat(clips.locate("a/b.json")).isEqualTo(new DirectoryClipStore(bucket).locate("a/b.json"));
        assertThat(built).as("built once, on the first call").hasValue(1);
    }

    @Test
    void build_buildsTheStoreAhead_once() throws Exception {
        Path bucket = Files.createTempDirectory(Path.of("target"), "lazy-clips");
        AtomicInteger built = new AtomicInteger();
        LazyClipStore clips = new LazyClipStore(() -> {
            built.incrementAndGet();
            return new DirectoryClipStore(bucket);
        });

        clips.build();
        assertThat(built).hasValue(1);
        assertThat(clips.exists("nothing.json")).isFalse();
        assertThat(built).as("the first call finds it built").hasValue(1);
    }
}
