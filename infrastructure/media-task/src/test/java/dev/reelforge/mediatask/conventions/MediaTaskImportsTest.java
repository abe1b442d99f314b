package dev.reelforge.mediatask.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The media task is its own deployable: it gets its wiring from functions/wiring, never from the Lambda handlers. */
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

    private static boolean importsHandlers(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import dev.reelforge.handlers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
