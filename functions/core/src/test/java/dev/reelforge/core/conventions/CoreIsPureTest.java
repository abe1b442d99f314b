package dev.reelforge.core.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core is the domain: no AWS SDK, no FFmpeg, no HTTP client may creep in. */
class CoreIsPureTest {
    @Test
    void coreSources_importNoAwsFfmpegOrHttp() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(CoreIsPureTest::importsInfrastructure)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsInfrastructure(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(line -> line.startsWith("import software.amazon")
                            || line.startsWith("import com.amazonaws")
                            || line.startsWith("import org.bytedeco")
                            || line.startsWith("import java.net.http")
                            || line.startsWith("import okhttp3"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
