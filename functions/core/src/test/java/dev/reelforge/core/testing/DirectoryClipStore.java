package dev.reelforge.core.testing;

import dev.reelforge.core.port.ClipStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link ClipStore} fake on a directory: "our bucket" for adapter tests that read or write objects. */
public final class DirectoryClipStore implements ClipStore {
    private final Path root;

    public DirectoryClipStore(Path root) {
        this.root = root;
    }

    @Override
    public void putFile(String key, Path file, String contentType) {
        try {
            Files.createDirectories(root.resolve(key).getParent());
            Files.copy(file, root.resolve(key), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        try {
            Files.createDirectories(root.resolve(key).getParent());
            Files.write(root.resolve(key), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void download(String key, Path target) {
        if (!exists(key)) {
            throw new NoSuchElementException("no object " + key);
        }
        try {
            Files.copy(root.resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> getBytes(String key) {
        try {
            return exists(key) ? Optional.of(Files.readAllBytes(root.resolve(key))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return exists(key) ? OptionalLong.of(Files.size(root.resolve(key))) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(root.resolve(key));
    }

    @Override
    public String locate(String key) {
        return root.resolve(key).toString();
    }
}
