package dev.reelforge.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

    @Test
    void closingRemovesTheDirectoryWithNestedFiles() throws Exception {
        Path dir;
        try (ScratchDirectory scratch = ScratchDirectory.create("reelforge-test-")) {
            dir = scratch.path();
            Files.writeString(scratch.resolve("video.txt"), "frame:0");
            Files.createDirectories(scratch.resolve("stills/deeper"));
            Files.write(scratch.resolve("stills/deeper/still-001.jpg"), new byte[] {1, 2, 3});
            assertThat(dir).isDirectory();
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void closingAfterTheDirectoryIsGoneIsQuiet() throws Exception {
        ScratchDirectory scratch = ScratchDirectory.create("reelforge-test-");
        Files.delete(scratch.path());
        assertThatCode(scratch::close).doesNotThrowAnyException();
    }
}
