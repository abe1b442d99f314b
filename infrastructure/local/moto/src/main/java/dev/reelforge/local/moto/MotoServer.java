package dev.reelforge.local.moto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A moto server child process speaking the DynamoDB protocol on {@code 127.0.0.1:<free port>}. Moto keeps data in
 * memory only ({@link TableSnapshots} persists it). It serves one request at a time: when threaded, moto checks a
 * write's condition and applies it without a lock, so two conditional writes on one item can both succeed (the
 * contention test lost 2 of 80 optimistic updates), where DynamoDB applies them atomically.
 *
 * <p>The process cannot outlive the JVM: {@link #close} kills it and its descendants, a shutdown hook does the same
 * on exit, and the Python side exits when its stdin (held by this JVM) closes, which also covers a JVM killed with
 * SIGKILL.
 *
 * <pre>{@code
 * try (MotoServer moto = MotoServer.start(new MotoVenv(cacheDir, python).ensurePython(), logFile)) {
 *     URI dynamoDb = moto.endpoint();
 * }
 * }</pre>
 */
public final class MotoServer implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(MotoServer.class);
    private static final String BOOTSTRAP = String.join(
            "\n",
            "import os, sys, threading",
            "def _exit_when_parent_dies():",
            "    sys.stdin.read()",
            "    os._exit(0)",
            "threading.Thread(target=_exit_when_parent_dies, daemon=True).start()",
            "import moto.server",
            "_run_simple = moto.server.run_simple",
            "moto.server.run_simple = lambda *a, **k: _run_simple(*a, **dict(k, threaded=False))",
            "moto.server.main(sys.argv[1:])");

    private final Process process;
    private final int port;
    private final Path logFile;
    private Thread shutdownHook;

    private MotoServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::close, "moto-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts moto with the venv's interpreter and waits until it answers HTTP, or throws with its log. */
    public static MotoServer start(Path venvPython, Path logFile) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(venvPython, logFile, freePort());
            } catch (IllegalStateException e) {
                log.warn("moto did not start (attempt {}): {}", attempt, e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static MotoServer startOnce(Path venvPython, Path logFile, int port) {
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(
                            venvPython.toString(), "-c", BOOTSTRAP, "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + venvPython, e);
        }
        MotoServer server = new MotoServer(process, port, logFile);
        try {
            server.awaitReady(Instant.now().plus(READY_TIMEOUT));
            log.info("moto server ready on {} (pid {})", server.endpoint(), process.pid());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Lets an owner that stops this server from its own shutdown hook (after a last snapshot) replace ours. */
    public synchronized void detachShutdownHook() {
        if (shutdownHook != null) {
            removeHook(shutdownHook);
            shutdownHook = null;
        }
    }

    private void awaitReady(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue() + " before it was ready:\n"
                        + ProcessLogs.tail(logFile, 15));
            }
            if (answers()) {
                return;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto", e);
            }
        }
        throw new IllegalStateException("moto did not answer on " + endpoint() + " within " + READY_TIMEOUT + ":\n"
                + ProcessLogs.tail(logFile, 15));
    }

    private boolean answers() {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the process and its descendants; idempotent. */
    @Override
    public synchronized void close() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            removeHook(shutdownHook);
        }
        shutdownHook = null;
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            log.debug("JVM already shutting down; hook stays");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
