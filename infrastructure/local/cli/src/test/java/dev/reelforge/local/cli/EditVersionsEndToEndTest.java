package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19's edits as versions, through the CLI on the real engine, S3Proxy and moto: the mug-drop job, then
 * {@code reelforge remix} and {@code reelforge recut} of it. Each version is its own job with its own review and
 * outputs, links back on its record and in its signed provenance, and the original's files keep their checksums.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditVersionsEndToEndTest {
    private static final Path MUG_DROP = Path.of("../../../events/requests/mug-drop.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static LocalAwsStack stack;
    private static String original;
    private static Map<String, String> originalFiles;
    private static JobRecord originalRecord;
    private static String remix;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start(data);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private record Outcome(int exit, JsonNode doc, String err) {}

    private static Outcome cli(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LocalStacks shared = LocalStacks.shared(stack);
        CommandLine cli = ReelforgeCli.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(shared));
                }
                if (type == RemixCommand.class) {
                    return type.cast(new RemixCommand(shared));
                }
                if (type == RecutCommand.class) {
                    return type.cast(new RecutCommand(shared));
                }
                if (type == StoryboardCommand.class) {
                    return type.cast(new StoryboardCommand(shared));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withData = Stream.concat(Stream.of(args), Stream.of("--json", "--data-dir", data.toString()))
                .toArray(String[]::new);
        int exit = cli.execute(withData);
        String text = out.toString().strip();
        return new Outcome(exit, text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text), err.toString());
    }

    /** SHA-256 of every stored object of the job, by key: its provider originals and its outputs. */
    private static Map<String, String> filesOf(String jobId) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String prefix : new String[] {"clips/demo/" + jobId + "/", "outputs/demo/" + jobId + "/"}) {
            Path dir = Path.of(stack.clipStore().locate(prefix + "x")).getParent();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    sums.put(prefix + dir.relativize(file), Sha256.hex(Files.readAllBytes(file)));
                }
            }
        }
        return sums;
    }

    private static JsonNode provenance(String jobId) throws IOException {
        return JSON.readTree(Path.of(stack.clipStore().locate("outputs/demo/" + jobId + "/provenance.json"))
                .toFile());
    }

    @Test
    @Order(1)
    void run_mugDrop_isTheOriginal() throws IOException {
        Outcome run = cli("run", MUG_DROP.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        original = run.doc().path("jobId").asText();
        originalRecord = stack.jobStore().find(original).orElseThrow();
        originalFiles = filesOf(original);
        assertThat(originalFiles.keySet()).anyMatch(k -> k.endsWith("provenance.json"));
        assertThat(originalRecord.detail().request()).isNotNull();
    }

    @Test
    @Order(2)
    void remix_isANewReviewedVersionLinkedBothWays_andTheOriginalIsUntouched() throws IOException {
        Outcome run = cli("remix", original, "Turn the ceramic mug into a glass mug.");

        assertThat(run.exit()).as(run.err()).isZero();
        remix = run.doc().path("jobId").asText();
        assertThat(remix).isNotEqualTo(original).startsWith(original + "-remix-");
        assertThat(run.doc().path("cacheHit").asBoolean()).isFalse();
        assertThat(run.doc().path("providerSubmissions").asInt())
                .as("the animatic has no remix in its data: a regeneration of every variation")
                .isEqualTo(2);
        JobRecord version = stack.jobStore().find(remix).orElseThrow();
        assertThat(version.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(version.detail().version().versionOf()).isEqualTo(original);
        assertThat(version.detail().version().edit()).isEqualTo("remix: Turn the ceramic mug into a glass mug.");
        assertThat(version.detail().request().prompt()).endsWith("\nTurn the ceramic mug into a glass mug.");
        assertThat(version.detail().attempts().get(0).clips())
                .as("reviewed again")
                .hasSize(2);
        assertThat(version.detail().attempts().get(0).verdict()).isNotNull();
        assertThat(version.outputs()).containsKeys("9x16-720p", "provenance");
        JsonNode link = provenance(remix).path("versionOf");
        assertThat(link.path("jobId").asText()).isEqualTo(original);
        assertThat(link.path("provenanceSha256").asText())
                .isEqualTo(originalFiles.get("outputs/demo/" + original + "/provenance.json"));
        assertThat(provenance(original).has("versionOf")).isFalse();

        JobRecord after = stack.jobStore().find(original).orElseThrow();
        assertThat(after.detail().versions()).containsExactly(remix);
        assertThat(after.outputs()).isEqualTo(originalRecord.outputs());
        assertThat(after.detail().attempts()).isEqualTo(originalRecord.detail().attempts());
        assertThat(filesOf(original)).isEqualTo(originalFiles);
    }

    @Test
    @Order(3)
    void recut_expand_isAnEightSecondVersionReviewedAgain_andTheOriginalIsUntouched() throws IOException {
        Outcome run = cli("recut", original, "--expand", "00:02-00:03=00:02-00:05");

        assertThat(run.exit()).as(run.err()).isZero();
        String recut = run.doc().path("jobId").asText();
        assertThat(run.doc().path("providerSubmissions").asInt()).isZero();
        assertThat(run.doc().path("estimatedCostUsd").asDouble()).isZero();
        JobRecord version = stack.jobStore().find(recut).orElseThrow();
        assertThat(version.detail().version().versionOf()).isEqualTo(original);
        assertThat(version.detail().attempts()).hasSize(1);
        assertThat(version.detail().attempts().get(0).mode().wireName()).isEqualTo("recut");
        assertThat(version.detail().attempts().get(0).clips())
                .as("reviewed again")
                .hasSize(1);
        Path output = Path.of(stack.clipStore().locate(version.outputs().get("9x16-720p")));
        assertThat(new FfprobeClipProbe(Ffmpeg.bundled()).probe(output).durationSeconds())
                .isCloseTo(8.0, within(0.15));
        assertThat(provenance(recut).path("versionOf").path("jobId").asText()).isEqualTo(original);
        assertThat(provenance(recut).path("versionOf").path("sourceSha256").asText())
                .isEqualTo(version.detail().version().sourceSha256())
                .isNotEmpty();

        assertThat(stack.jobStore().find(original).orElseThrow().detail().versions())
                .containsExactly(remix, recut);
        assertThat(filesOf(original)).isEqualTo(originalFiles);
    }

    @Test
    @Order(4)
    void edits_ofUnknownJob_otherTenantsJob_orWithBadRanges_areRefusedAndRecorded() throws IOException {
        Path board = Files.writeString(
                data.resolve("board.json"),
                "{\"prompt\": \"A mug.\\n00:00–00:05: Wide shot: it rests.\\n00:05–00:10: Close-up: it falls.\","
                        + " \"durationSeconds\": 10}");
        Outcome oneClip = cli("edit", original, "--storyboard", board.toString());
        Outcome noFile = cli(
                "edit", original, "--storyboard", data.resolve("missing.json").toString());
        Outcome unknown = cli("remix", "no-such-job", "x");
        Outcome rival = cli("remix", original, "x", "--tenant", "rival");
        Outcome badRange = cli("recut", original, "--retime", "00:05-00:09=2");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.doc().path("reason").asText()).contains("edit.of").contains("no job no-such-job");
        assertThat(rival.exit()).isEqualTo(2);
        assertThat(rival.doc().path("reason").asText()).contains("no job " + original + " for tenant rival");
        JobRecord refused =
                stack.jobStore().find(rival.doc().path("jobId").asText()).orElseThrow();
        assertThat(refused.status()).isEqualTo(JobStatus.REJECTED);
        assertThat(refused.tenant()).isEqualTo("rival");
        assertThat(badRange.exit()).isEqualTo(2);
        assertThat(badRange.doc().path("reason").asText())
                .contains("edit.recut.retime[0]")
                .contains("after the clip's end at 6.00 s");
        assertThat(oneClip.exit()).isEqualTo(2);
        assertThat(oneClip.doc().path("reason").asText())
                .contains("edit.storyboard")
                .contains("rendered as one clip");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err())
                .contains("missing.json: no such storyboard file")
                .doesNotContain("Exception");
        assertThat(stack.jobStore().find(original).orElseThrow().detail().versions())
                .hasSize(2);
        assertThat(filesOf(original)).isEqualTo(originalFiles);
    }

    @Test
    @Order(5)
    void runApprove_aRequestThatAsksForApproval_isApprovedInProcessAndSucceeds() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(MUG_DROP.toFile());
        request.put("approval", "required").put("clientRequestId", "approve-in-run");
        ((ObjectNode) request.path("settings")).put("resolution", "360p").put("variations", 1);
        Path file = Files.writeString(data.resolve("approve-in-run.json"), JSON.writeValueAsString(request));

        Outcome run = assertTimeoutPreemptively(
                Duration.ofMinutes(8),
                () -> cli("run", file.toString(), "--approve"),
                "without --approve the run would wait at WaitForApproval for its day-long timeout");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.doc().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(stack.jobStore()
                        .find(run.doc().path("jobId").asText())
                        .orElseThrow()
                        .status())
                .isEqualTo(JobStatus.SUCCEEDED);
    }
}
