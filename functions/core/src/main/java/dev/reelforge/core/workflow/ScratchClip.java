package dev.reelforge.core.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A clip staged in a fresh temporary file under the work folder, deleted when the work on it ends. */
final class ScratchClip {
    private ScratchClip() {}

    /** The work done on the staged file; its I/O failures become the {@code failure} message's. */
    @FunctionalInterface
    interface Work<T> {
        T on(Path clip) throws IOException;
    }

    static <T> T stage(Path workDir, String prefix, String failure, Work<T> work) {
        try {
            Files.createDirectories(workDir);
            Path local = Files.createTempFile(workDir, prefix, ".mp4");
            try {
                return work.on(local);
            } finally {
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        }
    }
}
