package dev.reelforge.media.credentials;

import com.sun.jna.Pointer;
import dev.reelforge.core.error.MediaProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file as a C2PA SDK stream: the SDK reads, seeks and writes through callbacks into a {@link FileChannel}, with
 * no copy of the file in memory. The callbacks are fields so that they live as long as the native stream.
 */
final class NativeStream implements AutoCloseable {
    private final C2paLibrary library;
    private final FileChannel channel;
    private final C2paLibrary.ReadCallback read = this::read;
    private final C2paLibrary.SeekCallback seek = this::seek;
    private final C2paLibrary.WriteCallback write = this::write;
    private final C2paLibrary.FlushCallback flush = context -> 0;
    private final Pointer handle;

    private NativeStream(C2paLibrary library, FileChannel channel) {
        this.library = library;
        this.channel = channel;
        this.handle = library.c2pa_create_stream(null, read, seek, write, flush);
        if (handle == null) {
            close();
            throw new MediaProcessingException(
                    "the C2PA library could not create a stream: " + C2paErrors.last(library));
        }
    }

    static NativeStream reading(C2paLibrary library, Path file) {
        return open(library, file, StandardOpenOption.READ);
    }

    /** Creates or truncates {@code file}; the SDK also reads back what it wrote. */
    static NativeStream writing(C2paLibrary library, Path file) {
        return open(
                library,
                file,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static NativeStream open(C2paLibrary library, Path file, StandardOpenOption... options) {
        try {
            return new NativeStream(library, FileChannel.open(file, options));
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not open " + file.getFileName() + " for Content Credentials: " + e.getMessage(), e);
        }
    }

    Pointer handle() {
        return handle;
    }

    private long read(Pointer context, Pointer buffer, long length) {
        try {
            int read = channel.read(buffer.getByteBuffer(0, length));
            return read < 0 ? 0 : read;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long seek(Pointer context, long offset, int whence) {
        try {
            long base = switch (whence) {
                case 0 -> 0;
                case 1 -> channel.position();
                case 2 -> channel.size();
                default -> throw new IllegalArgumentException("whence " + whence);
            };
            long position = base + offset;
            if (position < 0) {
                return -1;
            }
            channel.position(position);
            return position;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long write(Pointer context, Pointer buffer, long length) {
        try {
            ByteBuffer bytes = buffer.getByteBuffer(0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return length;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            library.c2pa_release_stream(handle);
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new MediaProcessingException("could not close a Content Credentials stream: " + e.getMessage(), e);
        }
    }
}
