package dev.reelforge.local.stack;

import dev.reelforge.local.conformance.LocalStackInstance;
import dev.reelforge.local.testing.MissingTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a LocalStack process with only KMS ({@code SERVICES=kms}) on 127.0.0.1 and a free port, from the venv
 * that {@code infrastructure/local/localstack/install.sh} prepares; separate from start.sh's shared instance, which
 * does not run KMS. Stopped (with its children) by {@link #close()}.
 */
final class LocalStackKms implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final URI endpoint;
    private final Path dataDir;

    private LocalStackKms(Process process, URI endpoint, Path dataDir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
    }

    static LocalStackKms start() {
        try {
            Path scripts = repositoryRoot().resolve("infrastructure/local/localstack");
            Process install = new ProcessBuilder(
                            "bash", scripts.resolve("install.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String venv = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (install.waitFor() == LocalStackInstance.NO_SUITABLE_PYTHON) {
                MissingTool.stop(
                        "the LocalStack tier (KMS)", "install.sh found no Python >= 3.12 (its message is above)");
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("install.sh failed with exit status " + install.exitValue());
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("reelforge-localstack-kms");
            ProcessBuilder builder = new ProcessBuilder(venv + "/bin/python", "-m", "localstack.runtime.main")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "localstack-kms.log").toFile());
            builder.environment().put("GATEWAY_LISTEN", "127.0.0.1:" + port);
            builder.environment().put("SERVICES", "kms");
            builder.environment().put("EAGER_SERVICE_LOADING", "1");
            builder.environment().put("FILESYSTEM_ROOT", dir.resolve("fs").toString());
            builder.environment().put("TMPDIR", dir.toString());
            builder.environment().put("SKIP_SSL_CERT_DOWNLOAD", "1");
            builder.environment().put("DISABLE_EVENTS", "1");
            LocalStackKms instance = new LocalStackKms(builder.start(), URI.create("http://127.0.0.1:" + port), dir);
            instance.awaitKms();
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start LocalStack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting LocalStack", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Polls the health endpoint until KMS reports ready; readiness, not a fixed wait. */
    private void awaitKms() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "LocalStack exited with " + process.exitValue() + "; see target/localstack-kms.log");
            }
            try {
                String body = http.send(
                                HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.matches("(?s).*\"kms\"\\s*:\\s*\"(available|running)\".*")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the gateway is still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        close();
        throw new IllegalStateException(
                "LocalStack KMS was not ready within " + START_TIMEOUT + "; see target/localstack-kms.log");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("infrastructure/local/localstack/install.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "not inside a Reelforge checkout: no infrastructure/local/localstack/install.sh above "
                            + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDir, e);
        }
    }
}
