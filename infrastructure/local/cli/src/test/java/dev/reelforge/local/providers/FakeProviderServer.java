package dev.reelforge.local.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.moto.PythonInterpreter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python fakes of the providers' APIs ({@code infrastructure/local/fakes/fake_video_providers.py}) in a process
 * of their own on a free port of 127.0.0.1, serving the clips their arguments name.
 *
 * @param endpoint the fakes' base URL, {@code http://127.0.0.1:<port>}
 */
public record FakeProviderServer(Process process, String endpoint) implements AutoCloseable {
    private static final Path SCRIPT = Path.of("../fakes/fake_video_providers.py");

    /**
     * Starts the fakes with {@code clipArguments} ({@code --clip path}, {@code --replicate-clip path}, …), their
     * stderr in {@code errorLog}, and waits for the port they print.
     */
    public static FakeProviderServer start(Path errorLog, List<String> clipArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                PythonInterpreter.locate(Path.of(System.getProperty("user.home")))
                        .executable()
                        .toString(),
                SCRIPT.toString(),
                "--port",
                "0"));
        command.addAll(clipArguments);
        Process process =
                new ProcessBuilder(command).redirectError(errorLog.toFile()).start();
        String port =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(port).as("the fake's port").matches("\\d+");
        return new FakeProviderServer(process, "http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
