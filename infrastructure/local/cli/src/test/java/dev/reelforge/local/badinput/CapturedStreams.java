package dev.reelforge.local.badinput;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Holds {@code System.out} and {@code System.err} while open, so a test sees what loggers (slf4j-simple writes to
 * {@code System.err}) and stray {@code printStackTrace} calls wrote, not only what a command printed. Not
 * thread-safe: one at a time.
 */
public final class CapturedStreams implements AutoCloseable {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedStreams() {
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    public static CapturedStreams start() {
        return new CapturedStreams();
    }

    /** Everything written to either stream since {@link #start}. */
    public synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }
}
