package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner killed with SIGKILL in the middle of a render, then run again: no local server outlives the
 * killed run, the unfinished job is resumed with the same provider job (no second create, and reported as resumed),
 * nothing partial is ever visible as an output, and the job record ends SUCCEEDED.
 */
class CrashRecoveryTest {
    private static final Path REQUEST =
            Path.of("../../../events/requests/ball-bounce-16x9.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private ProcessBuilder cli(String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ReelforgeCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(data.toFile());
    }

    @Test
    void run_killedWhilePolling_resumesTheSameProviderJobAndSucceeds() throws Exception {
        Process first = cli("run", "--data-dir", data.toString(), REQUEST.toString())
                .redirectErrorStream(true)
                .start();
        List<ProcessHandle> children = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains("provider ")) {
                assertThat(line).doesNotContain("SUCCEEDED");
            }
            assertThat(line).as("the first run reached the poll loop").isNotNull();
            first.descendants().forEach(children::add);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(children).as("the killed run had started its local servers").isNotEmpty();
        try {
            assertThat(survivors(children))
                    .as("local servers of the killed run still running")
                    .isEmpty();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }

        JsonNode jobAfterCrash = onlyJob();
        assertThat(jobAfterCrash.path("status").path("S").asText()).isEqualTo("RENDERING");
        List<String> providerJobsBefore = providerJobIds(jobAfterCrash);
        assertThat(providerJobsBefore).hasSize(1);
        assertThat(outputFiles()).as("no output is visible before the job ends").isEmpty();

        Process second = cli("run", "--json", "--data-dir", data.toString(), REQUEST.toString())
                .start();
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(out).isZero();

        JsonNode summary = JSON.readTree(out);
        JsonNode jobAfterRerun = onlyJob();
        assertThat(summary.path("jobId").asText())
                .isEqualTo(jobAfterRerun.path("jobId").path("S").asText());
        assertThat(jobAfterRerun.path("status").path("S").asText()).isEqualTo("SUCCEEDED");
        assertThat(providerJobIds(jobAfterRerun))
                .as("attempt 1 resumed its provider job instead of creating another")
                .startsWith(providerJobsBefore.toArray(String[]::new))
                .doesNotHaveDuplicates();
        assertThat(summary.path("providerSubmissions").asInt())
                .as("provider jobs, each counted once")
                .isEqualTo(providerJobIds(jobAfterRerun).size());
        assertThat(summary.path("submissions").path("new").asInt())
                .isEqualTo(providerJobIds(jobAfterRerun).size());
        assertThat(summary.path("submissions").path("resumed").asInt()).isEqualTo(providerJobsBefore.size());
        assertThat(outputFiles())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotContain("partial"));
    }

    /** The processes still alive 15 s after their parent was killed (a parent-death watch needs a moment). */
    private static List<String> survivors(List<ProcessHandle> children) throws Exception {
        try {
            CompletableFuture.allOf(children.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(15, TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
            // reported below
        }
        return children.stream()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private JsonNode onlyJob() throws IOException {
        JsonNode items = JSON.readTree(
                        data.resolve("dynamodb/reelforge-jobs.json").toFile())
                .path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> providerJobIds(JsonNode job) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode attempt :
                JSON.readTree(job.path("detail").path("S").asText()).path("attempts")) {
            attempt.path("providerJobIds").forEach(id -> ids.add(id.asText()));
        }
        return ids;
    }

    private List<Path> outputFiles() throws IOException {
        Path outputs = data.resolve("s3/reelforge-clips/outputs");
        if (!Files.exists(outputs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outputs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
