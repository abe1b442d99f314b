package dev.reelforge.core.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the content goes to a {@code .part} file beside the target, which is moved
 * over the target atomically once complete, so a reader never sees half a clip and a failed transfer leaves nothing.
 * <pre>{@code
 * String sha256 = AtomicFile.write(target, part -> download(part));
 * }</pre>
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Fills a partial file; what it returns is returned by {@link #write} once the file is in place. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Path partial) throws IOException;
    }

    /**
     * Creates {@code target}'s folder, lets {@code content} fill a fresh {@code .part} file in it, then moves that
     * over {@code target}. If {@code content} throws, the partial file is deleted and {@code target} is untouched.
     */
    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
        try {
            T result = content.writeTo(partial);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
