package dev.reelforge.mediatask.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The media task is its own deployable: it gets its wiring from functions/wiring, never from the Lambda handlers, and
 * its environment from MediaTaskConfig there, never by reading it itself.
 */
class MediaTaskImportsTest {
    @Test
    void mainSources_importNothingFromTheLambdaHandlers() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(MediaTaskImportsTest::importsHandlers)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void mainSources_leaveTheEnvironmentToMediaTaskConfig() throws IOException {
        List<String> readers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("System.getenv"))
                    .map(Path::toString)
                    .toList();
        }
        assertThat(readers).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean importsHandlers(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import dev.reelforge.handlers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
