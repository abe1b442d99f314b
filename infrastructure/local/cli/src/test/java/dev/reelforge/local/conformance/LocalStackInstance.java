package dev.reelforge.local.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A LocalStack process in host mode, driven by the scripts in {@code infrastructure/local/localstack/} so that tests,
 * CI and developers start, stop and install it the same way. Either started here (and stopped by {@link #close()}),
 * or attached through the state file of one that a CI script already started (and left running on close).
 */
public final class LocalStackInstance implements AutoCloseable {
    /** install.sh's exit status when no Python >= 3.12 exists on the machine. */
    public static final int NO_SUITABLE_PYTHON = 3;

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path scripts;
    private final Path stateFile;
    private final URI endpoint;
    private final boolean owned;

    private LocalStackInstance(Path scripts, Path stateFile, URI endpoint, boolean owned) {
        this.scripts = scripts;
        this.stateFile = stateFile;
        this.endpoint = endpoint;
        this.owned = owned;
    }

    /** A running LocalStack described by {@code stateFile} (written by start.sh), if it answers its health check. */
    public static Optional<LocalStackInstance> attach(Path scripts, Path stateFile) {
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try {
            state.load(Files.newBufferedReader(stateFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + stateFile, e);
        }
        URI endpoint = URI.create(state.getProperty("LOCALSTACK_ENDPOINT", "").strip());
        return healthy(endpoint)
                ? Optional.of(new LocalStackInstance(scripts, stateFile, endpoint, false))
                : Optional.empty();
    }

    /**
     * Installs (or reuses) the venv and starts LocalStack with {@code mockConfig} as {@code SFN_MOCK_CONFIG}.
     *
     * @throws NoSuitablePythonException when install.sh finds no Python >= 3.12
     */
    public static LocalStackInstance start(Path scripts, Path stateFile, Path mockConfig) {
        Result install =
                run(INSTALL_TIMEOUT, "bash", scripts.resolve("install.sh").toString());
        if (install.exitCode() == NO_SUITABLE_PYTHON) {
            throw new NoSuitablePythonException(install.errors().strip());
        }
        install.requireSuccess("install.sh");
        Result start = run(
                START_TIMEOUT,
                "bash",
                scripts.resolve("start.sh").toString(),
                "--state-file",
                stateFile.toString(),
                "--mock-config",
                mockConfig.toString());
        start.requireSuccess("start.sh");
        List<String> lines =
                start.output().lines().filter(l -> l.startsWith("http")).toList();
        return new LocalStackInstance(
                scripts, stateFile, URI.create(lines.get(lines.size() - 1).strip()), true);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Whether this instance was started here (and is stopped by {@link #close()}). */
    public boolean owned() {
        return owned;
    }

    @Override
    public void close() {
        if (owned) {
            run(
                            Duration.ofMinutes(1),
                            "bash",
                            scripts.resolve("stop.sh").toString(),
                            "--state-file",
                            stateFile.toString())
                    .requireSuccess("stop.sh");
        }
    }

    private static boolean healthy(URI endpoint) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(Duration timeout, String... command) {
        try {
            Path errors = Files.createTempFile("reelforge-localstack", ".stderr");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command));
                }
                return new Result(List.of(command), process.exitValue(), output, Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private record Result(List<String> command, int exitCode, String output, String errors) {
        void requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (exit " + exitCode + "): "
                        + String.join(" ", new ArrayList<>(command)) + "\n" + errors + output);
            }
        }
    }

    /** No Python >= 3.12 on this machine, so LocalStack cannot be installed; the message says what was tried. */
    public static final class NoSuitablePythonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuitablePythonException(String message) {
            super(message);
        }
    }
}
