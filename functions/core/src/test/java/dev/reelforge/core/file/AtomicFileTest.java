package dev.reelforge.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void write_complete_replacesTheTargetAndLeavesNoPart(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("clips/a.mp4");

        String result = AtomicFile.write(target, part -> {
            Files.writeString(part, "new");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(Files.readString(target)).isEqualTo("new");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void write_contentFails_keepsTheOldTargetAndDeletesThePart(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("a.mp4"), "old");

        assertThatThrownBy(() -> AtomicFile.write(target, part -> {
                    Files.writeString(part, "half");
                    throw new IOException("cut");
                }))
                .hasMessage("cut");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
