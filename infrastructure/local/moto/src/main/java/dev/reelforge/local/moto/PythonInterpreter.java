package dev.reelforge.local.moto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Python that can run the pinned moto server: CPython {@value #MIN_MAJOR}.{@value #MIN_MINOR} or later
 * (moto 5.2.5 itself needs 3.10; some pinned dependencies need 3.11).
 *
 * @param executable the real interpreter binary ({@code sys.executable}), not a pyenv shim
 * @param version {@code major.minor.micro}
 */
public record PythonInterpreter(Path executable, String version) {
    static final int MIN_MAJOR = 3;
    static final int MIN_MINOR = 11;

    public PythonInterpreter {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Finds a suitable Python: {@code python3} and {@code python3.1x} on the PATH, then pyenv's versions, newest
     * first.
     *
     * @throws IllegalStateException naming what was tried and how to install one
     */
    public static PythonInterpreter locate(Path userHome) {
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates(userHome)) {
            tried.add(candidate);
            Optional<PythonInterpreter> found = probe(candidate);
            if (found.isPresent() && found.get().isSupported()) {
                return found.get();
            }
        }
        throw new IllegalStateException("The local stack needs Python >= " + MIN_MAJOR + "." + MIN_MINOR
                + " for moto (DynamoDB), and none was found. Tried: " + String.join(", ", tried)
                + ". Install one (e.g. 'pyenv install 3.11' or your OS package python3.11) and run again.");
    }

    /** Checks an explicitly chosen interpreter. */
    public static PythonInterpreter at(Path executable) {
        PythonInterpreter python = probe(executable.toString())
                .orElseThrow(() -> new IllegalStateException("Could not run " + executable + " as Python"));
        if (!python.isSupported()) {
            throw new IllegalStateException(
                    executable + " is Python " + python.version() + "; moto needs >= " + MIN_MAJOR + "." + MIN_MINOR);
        }
        return python;
    }

    boolean isSupported() {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR);
    }

    private static List<String> candidates(Path userHome) {
        List<String> names = new ArrayList<>(List.of("python3", "python3.13", "python3.12", "python3.11"));
        Path pyenvVersions = pyenvRoot(userHome).resolve("versions");
        if (Files.isDirectory(pyenvVersions)) {
            try (Stream<Path> versions = Files.list(pyenvVersions)) {
                versions.map(v -> v.resolve("bin/python3"))
                        .filter(Files::isExecutable)
                        .map(Path::toString)
                        .sorted((a, b) -> b.compareTo(a))
                        .forEach(names::add);
            } catch (IOException e) {
                names.add(pyenvVersions + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return names;
    }

    private static Path pyenvRoot(Path userHome) {
        try {
            Process process = new ProcessBuilder("pyenv", "root")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !output.isEmpty()) {
                return Path.of(output);
            }
        } catch (IOException e) {
            // no pyenv on the PATH: fall back to its default root
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return userHome.resolve(".pyenv");
    }

    private static Optional<PythonInterpreter> probe(String command) {
        try {
            Process process = new ProcessBuilder(
                            command,
                            "-c",
                            "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            List<String> lines =
                    output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.size() < 2 || !lines.get(1).matches("\\d+\\.\\d+\\.\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new PythonInterpreter(Path.of(lines.get(0)), lines.get(1)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
