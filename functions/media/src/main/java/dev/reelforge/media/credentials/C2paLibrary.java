package dev.reelforge.media.credentials;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.reelforge.core.error.MediaProcessingException;
import java.io.File;
import java.io.IOException;

/**
 * The part of the C2PA SDK's C API ({@code libc2pa_c}, c2pa-rs's C FFI) that Reelforge calls, through JNA. Every
 * handle but a stream is released with {@code c2pa_free}; streams with {@code c2pa_release_stream}. A failed call
 * returns null or a negative number and leaves its message in {@code c2pa_error}, per thread.
 */
interface C2paLibrary extends Library {
    /** Property naming a library file to load instead of the one the media jar carries. */
    String LIBRARY_PROPERTY = "reelforge.c2pa.library";

    int ES256 = 0;

    Pointer c2pa_version();

    Pointer c2pa_error();

    int c2pa_free(Pointer handle);

    Pointer c2pa_create_stream(
            Pointer context, ReadCallback reader, SeekCallback seeker, WriteCallback writer, FlushCallback flusher);

    void c2pa_release_stream(Pointer stream);

    Pointer c2pa_settings_new();

    int c2pa_settings_update_from_string(Pointer settings, String settingsText, String format);

    Pointer c2pa_context_builder_new();

    int c2pa_context_builder_set_settings(Pointer contextBuilder, Pointer settings);

    /** Consumes the context builder. */
    Pointer c2pa_context_builder_build(Pointer contextBuilder);

    Pointer c2pa_reader_from_context(Pointer context);

    /** Consumes {@code reader} and returns the reader over {@code stream}. */
    Pointer c2pa_reader_with_stream(Pointer reader, String format, Pointer stream);

    Pointer c2pa_reader_json(Pointer reader);

    Pointer c2pa_builder_from_context(Pointer context);

    /** Consumes {@code builder} and returns one holding the manifest definition. */
    Pointer c2pa_builder_with_definition(Pointer builder, String manifestJson);

    int c2pa_builder_add_ingredient_from_stream(Pointer builder, String ingredientJson, String format, Pointer stream);

    Pointer c2pa_signer_create(
            Pointer context, SignerCallback callback, int algorithm, String certificatesPem, String tsaUrl);

    long c2pa_builder_sign(
            Pointer builder,
            String format,
            Pointer source,
            Pointer destination,
            Pointer signer,
            PointerByReference manifestBytes);

    /** {@code ssize_t read(context, buffer, length)}: bytes read, 0 at the end, -1 on error. */
    interface ReadCallback extends Callback {
        long invoke(Pointer context, Pointer buffer, long length);
    }

    /** {@code ssize_t seek(context, offset, whence)} with whence 0 start, 1 current, 2 end: the new position, or -1. */
    interface SeekCallback extends Callback {
        long invoke(Pointer context, long offset, int whence);
    }

    /** {@code ssize_t write(context, buffer, length)}: bytes written, or -1. */
    interface WriteCallback extends Callback {
        long invoke(Pointer context, Pointer buffer, long length);
    }

    /** {@code ssize_t flush(context)}: 0, or -1. */
    interface FlushCallback extends Callback {
        long invoke(Pointer context);
    }

    /** {@code ssize_t sign(context, data, length, signature, capacity)}: the signature's length, or -1. */
    interface SignerCallback extends Callback {
        long invoke(Pointer context, Pointer data, long length, Pointer signature, long capacity);
    }

    /**
     * Loads {@code file}, or else {@code linux-x86-64/libc2pa_c.so} from the classpath (the media jar carries it; taken
     * from there even when another copy is on the system's library path, so the pinned build is the one that runs).
     * Without it no output can be marked, so this fails loudly.
     */
    static C2paLibrary load(String file) {
        try {
            File library = file == null || file.isBlank()
                    ? Native.extractFromResourcePath("c2pa_c", C2paLibrary.class.getClassLoader())
                    : new File(file);
            return Native.load(library.getAbsolutePath(), C2paLibrary.class);
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new MediaProcessingException(
                    "the C2PA library libc2pa_c could not be loaded, so outputs cannot carry Content "
                            + "Credentials: the reelforge-media jar carries it as linux-x86-64/libc2pa_c.so when it was built with "
                            + "infrastructure/local/c2pa-library.sh (Maven runs it), or name a copy with -D"
                            + LIBRARY_PROPERTY + "=<file> ("
                            + e.getMessage() + ")",
                    e);
        }
    }
}
