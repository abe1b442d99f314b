package dev.reelforge.media.credentials;

import com.sun.jna.Pointer;

/** Reads the C2PA library's last error message on this thread. */
final class C2paErrors {
    private C2paErrors() {}

    static String last(C2paLibrary library) {
        Pointer error = library.c2pa_error();
        if (error == null) {
            return "(no message from the C2PA library)";
        }
        try {
            return error.getString(0, "UTF-8");
        } finally {
            library.c2pa_free(error);
        }
    }

    /** The string a call returned, freed after reading. */
    static String take(C2paLibrary library, Pointer text) {
        try {
            return text.getString(0, "UTF-8");
        } finally {
            library.c2pa_free(text);
        }
    }
}
