package dev.reelforge.local.moto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a child process's log file for error messages. */
final class ProcessLogs {
    private ProcessLogs() {}

    static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
