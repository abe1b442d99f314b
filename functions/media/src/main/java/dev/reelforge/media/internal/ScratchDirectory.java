package dev.reelforge.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for one FFmpeg run's side files (metadata logs, stills, sheets), removed with everything in
 * it when closed, so an analysis leaves nothing behind in a Lambda's or task's small {@code /tmp}.
 *
 * <pre>{@code
 * try (ScratchDirectory scratch = ScratchDirectory.create("reelforge-analysis-")) {
 *     Path log = scratch.resolve("video.txt");
 * }
 * }</pre>
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Best effort: a file left behind (removed by someone else, or still open) does not change any result. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the directory is already gone or unreadable; nothing more to clean
        }
    }
}
