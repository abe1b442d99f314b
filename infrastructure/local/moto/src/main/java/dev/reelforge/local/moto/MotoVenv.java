package dev.reelforge.local.moto;

import dev.reelforge.core.checksum.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python virtualenv holding the pinned moto server, in a cache directory shared by every checkout
 * ({@code <cacheDir>/moto-venv-<hash>}, the hash covering the requirements and the interpreter). Built on first use
 * into a temporary directory and renamed into place, under a file lock, so that concurrent builds and interrupted
 * installs never leave a half-built venv behind.
 */
public final class MotoVenv {
    static final String REQUIREMENTS = "moto-requirements.txt";
    private static final String COMPLETE_MARKER = ".reelforge-complete";
    private static final long INSTALL_TIMEOUT_MINUTES = 15;
    private static final Logger log = LoggerFactory.getLogger(MotoVenv.class);
    private static final Object JVM_LOCK = new Object();

    private final Path cacheDir;
    private final PythonInterpreter python;
    private final byte[] requirements;

    public MotoVenv(Path cacheDir, PythonInterpreter python) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.python = python;
        this.requirements = readRequirements();
    }

    /** {@code ~/.cache/reelforge}, shared by all checkouts of the user. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "reelforge");
    }

    public Path directory() {
        return cacheDir.resolve("moto-venv-" + hash());
    }

    /** Returns the venv's interpreter, building the venv first if needed (about a minute, once). */
    public Path ensurePython() {
        Path venv = directory();
        if (isComplete(venv)) {
            return pythonIn(venv);
        }
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(cacheDir);
                try (FileChannel channel = FileChannel.open(
                                cacheDir.resolve(venv.getFileName() + ".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    if (!isComplete(venv)) {
                        build(venv);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the moto venv in " + venv, e);
            }
        }
        return pythonIn(venv);
    }

    private void build(Path venv) throws IOException {
        Path staging = cacheDir.resolve(
                venv.getFileName() + ".staging-" + ProcessHandle.current().pid());
        Path logFile = cacheDir.resolve(venv.getFileName() + ".install.log");
        deleteTree(staging);
        deleteTree(venv);
        log.info(
                "Creating the moto venv with Python {} in {} (first run only; log: {})",
                python.version(),
                venv,
                logFile);
        Files.deleteIfExists(logFile);
        run(logFile, python.executable().toString(), "-m", "venv", staging.toString());
        Path requirementsFile = Files.write(staging.resolve("requirements.txt"), requirements);
        run(
                logFile,
                pythonIn(staging).toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
                "--quiet",
                "-r",
                requirementsFile.toString());
        run(logFile, pythonIn(staging).toString(), "-c", "import moto.server, flask, flask_cors");
        Files.writeString(staging.resolve(COMPLETE_MARKER), python.executable() + " " + python.version() + "\n");
        Files.move(staging, venv, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void run(Path logFile, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command) + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the moto venv", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Building the moto venv failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command) + "\n" + ProcessLogs.tail(logFile, 20)
                    + "\nFull log: " + logFile + ". pip needs to reach PyPI (or a mirror set in pip.conf).");
        }
    }

    private String hash() {
        byte[] interpreter = (python.executable() + "\n" + python.version()).getBytes(StandardCharsets.UTF_8);
        byte[] identity = Arrays.copyOf(requirements, requirements.length + interpreter.length);
        System.arraycopy(interpreter, 0, identity, requirements.length, interpreter.length);
        return Sha256.hex(identity).substring(0, 12);
    }

    private static boolean isComplete(Path venv) {
        return Files.isRegularFile(venv.resolve(COMPLETE_MARKER)) && Files.isExecutable(pythonIn(venv));
    }

    private static Path pythonIn(Path venv) {
        return venv.resolve("bin").resolve("python");
    }

    private static byte[] readRequirements() {
        try (InputStream in = MotoVenv.class.getResourceAsStream(REQUIREMENTS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + REQUIREMENTS + " next to " + MotoVenv.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static List<String> requirementLines() {
        return new String(readRequirements(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
    }
}
