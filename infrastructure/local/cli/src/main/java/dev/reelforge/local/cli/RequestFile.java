package dev.reelforge.local.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a request file the user named, with a plain message (no stack trace) when it cannot be read. */
final class RequestFile {
    static final long MAX_BYTES = 64 * 1024;

    private RequestFile() {}

    static String read(Path file) throws UserInputException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such request file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserInputException(
                        file + ": larger than " + MAX_BYTES / 1024 + " KiB; a request is a small JSON document");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A problem with what the user typed or pointed at; shown as one line, exit code 2. */
    static final class UserInputException extends Exception {
        UserInputException(String message) {
            super(message);
        }
    }
}
