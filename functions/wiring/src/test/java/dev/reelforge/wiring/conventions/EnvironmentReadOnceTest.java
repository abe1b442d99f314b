package dev.reelforge.wiring.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The composition root reads the environment in one class per deployable, HandlerConfig and MediaTaskConfig, as aws-sdk-java-v2's checkstyle allows
 * System.getenv in its configuration classes only; everything else is handed the values.
 */
class EnvironmentReadOnceTest {
    @Test
    void mainSources_readTheEnvironmentOnlyInTheConfigClasses() throws IOException {
        List<String> readers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(EnvironmentReadOnceTest::readsEnvironment)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
        assertThat(readers).containsExactlyInAnyOrder("HandlerConfig.java", "MediaTaskConfig.java");
    }

    private static boolean readsEnvironment(Path file) {
        try {
            return Files.readString(file).contains("System.getenv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
