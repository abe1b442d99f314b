package dev.reelforge.mediatask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.LocalCertificateAuthority;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaTaskTest {
    private static final String SOURCE = "clips/demo/job-1/1/0.mp4";
    private static final String PLAN = "jobs/demo/job-1/media-plan.json";
    private static final String RESULT = "jobs/demo/job-1/media-result.json";

    @TempDir
    Path dir;

    private final ObjectMapper json = Services.objectMapper();
    private DirectoryClipStore clips;
    private LocalKeyProvenanceSigner signer;
    private C2paContentCredentials credentials;
    private MediaTask task;

    @BeforeEach
    void setUp() {
        clips = new DirectoryClipStore(dir.resolve("bucket"));
        signer = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("keys"));
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        credentials = C2paContentCredentials.local(dir.resolve("keys"), signer, Clock.systemUTC());
        task = new MediaTask(
                clips,
                new MediaPlanRenderer(ffmpeg),
                json,
                dir.resolve("work"),
                signer,
                credentials,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        Path source = dir.resolve("source.mp4");
        ffmpeg.run(
                "making a source",
                List.of(
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=320x180:r=24:d=1",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=r=48000:d=1",
                        "-c:v",
                        "libopenh264",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        source.toString()),
                Duration.ofSeconds(30));
        clips.putFile(SOURCE, source, "video/mp4");
    }

    @Test
    void run_plan_embedsTrustedContentCredentialsWithTheOriginalAsParentInEveryRenditionAndStill() throws Exception {
        MediaPlan plan = new MediaPlan(
                "job-1",
                "demo",
                SOURCE,
                "outputs/demo/job-1/",
                List.of(
                        new Rendition("9x16", 180, 320, Rendition.Fit.CROP),
                        new Rendition("1x1", 180, 180, Rendition.Fit.CROP)),
                true,
                List.of(),
                0.5,
                null,
                null,
                null,
                new MediaPlan.Origin("animatic", "animatic-1", "anim-1", "e".repeat(64)));
        clips.putBytes(PLAN, json.writeValueAsBytes(plan), "application/json");

        assertThat(task.run(Map.of(MediaTask.PLAN_KEY, PLAN, MediaTask.RESULT_KEY, RESULT)))
                .isZero();

        MediaResult result = json.readValue(clips.getBytes(RESULT).orElseThrow(), MediaResult.class);
        for (MediaResult.Output output : result.outputs().subList(0, 4)) {
            Path file = Path.of(clips.locate(output.key()));
            CredentialsReport report =
                    credentials.read(file, output.key().endsWith(".jpg") ? "image/jpeg" : "video/mp4");
            assertThat(report.trusted())
                    .as(output.rendition() + ": " + report.failures())
                    .isTrue();
            assertThat(report.actions().get(0))
                    .isEqualTo(new CredentialsReport.Action(
                            CredentialsManifest.Action.CREATED,
                            "animatic-1",
                            CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA));
            assertThat(report.actions())
                    .extracting(CredentialsReport.Action::action)
                    .contains(
                            CredentialsManifest.Action.COLOR_ADJUSTMENTS,
                            CredentialsManifest.Action.EDITED,
                            CredentialsManifest.Action.TRANSCODED);
            assertThat(report.ingredients())
                    .containsExactly(new CredentialsReport.Ingredient("0.mp4", "parentOf", false));
            assertThat(report.promptSha256()).isEqualTo("e".repeat(64));
        }
        assertThat(credentials
                        .read(Path.of(clips.locate("outputs/demo/job-1/1x1.mp4")), "video/mp4")
                        .actions())
                .extracting(CredentialsReport.Action::action)
                .contains(CredentialsManifest.Action.CROPPED, CredentialsManifest.Action.RESIZED);
    }

    @Test
    void run_plan_outputsReadByC2paPythonsOwnReader_areTrustedAndATamperedCopyIsNot() throws Exception {
        MediaPlan plan = new MediaPlan(
                "job-1",
                "demo",
                SOURCE,
                "outputs/demo/job-1/",
                List.of(
                        new Rendition("9x16", 180, 320, Rendition.Fit.CROP),
                        new Rendition("1x1", 180, 180, Rendition.Fit.CROP)),
                true,
                List.of(),
                0.5,
                null,
                null,
                null,
                new MediaPlan.Origin("animatic", "animatic-1", "anim-1", "e".repeat(64)));
        clips.putBytes(PLAN, json.writeValueAsBytes(plan), "application/json");
        assertThat(task.run(Map.of(MediaTask.PLAN_KEY, PLAN, MediaTask.RESULT_KEY, RESULT)))
                .isZero();
        MediaResult result = json.readValue(clips.getBytes(RESULT).orElseThrow(), MediaResult.class);
        List<String> files = new ArrayList<>();
        for (MediaResult.Output output : result.outputs().subList(0, 4)) {
            files.add(clips.locate(output.key()).toString());
        }
        Path tampered = dir.resolve("tampered.mp4");
        byte[] bytes = Files.readAllBytes(Path.of(files.get(0)));
        bytes[bytes.length - 100] ^= 1;
        Files.write(tampered, bytes);
        files.add(tampered.toString());

        List<JsonNode> read =
                independentReader(dir.resolve("keys").resolve(LocalCertificateAuthority.CA_CERTIFICATE_FILE), files);

        assertThat(read).hasSize(5);
        for (JsonNode file : read.subList(0, 4)) {
            assertThat(file.path("validation_state").asText())
                    .as(file.toString())
                    .isEqualTo("Trusted");
            assertThat(file.path("claim_generator").asText()).isEqualTo("Reelforge");
            assertThat(file.path("actions").path(0).path("action").asText()).isEqualTo("c2pa.created");
            assertThat(file.path("actions").path(0).path("digitalSourceType").asText())
                    .isEqualTo(CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA);
            assertThat(file.path("actions").findValuesAsText("action"))
                    .contains("c2pa.color_adjustments", "c2pa.edited", "c2pa.transcoded");
            assertThat(file.path("ingredients").findValuesAsText("relationship"))
                    .containsExactly("parentOf");
        }
        assertThat(read.get(4).path("validation_state").asText()).isEqualTo("Invalid");
        assertThat(read.get(4).path("failures").toString()).contains("assertion.bmffHash.mismatch");
    }

    /** c2pa-python's own Reader (infrastructure/local/c2pa-reader/read.sh): one JSON object per file. */
    private List<JsonNode> independentReader(Path trustAnchors, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Path.of("../../infrastructure/local/c2pa-reader/read.sh")
                        .toAbsolutePath()
                        .normalize()
                        .toString(),
                trustAnchors.toString()));
        command.addAll(files);
        Process reader = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reader.waitFor())
                .as("read.sh exit status; its output: " + out)
                .isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    @Test
    void run_plan_writesOutputsAndASignedRecordListingEachAndLeavesTheOriginal() throws Exception {
        String originalSha = MediaPlanRenderer.sha256(Path.of(clips.locate(SOURCE)));
        MediaPlan plan = new MediaPlan(
                "job-1",
                "demo",
                SOURCE,
                "outputs/demo/job-1/",
                List.of(
                        new Rendition("9x16", 180, 320, Rendition.Fit.CROP),
                        new Rendition("1x1", 180, 180, Rendition.Fit.CROP)),
                true,
                List.of(),
                0.5,
                null,
                null,
                null,
                new MediaPlan.Origin("animatic", "animatic-1", "anim-1", "e".repeat(64)));
        clips.putBytes(PLAN, json.writeValueAsBytes(plan), "application/json");

        int exit = task.run(Map.of(MediaTask.PLAN_KEY, PLAN, MediaTask.RESULT_KEY, RESULT));

        assertThat(exit).isZero();
        MediaResult result = json.readValue(clips.getBytes(RESULT).orElseThrow(), MediaResult.class);
        assertThat(result.outputs())
                .extracting(MediaResult.Output::rendition)
                .containsExactly("9x16", "1x1", "poster", "thumbnail", "provenance");
        assertThat(result.provenanceKey()).isEqualTo("outputs/demo/job-1/provenance.json");
        assertThat(result.decoder()).isNotBlank();
        assertThat(result.loudness().targetLufs()).isEqualTo(-14.0);
        byte[] record = clips.getBytes(result.provenanceKey()).orElseThrow();
        ProvenanceSeal seal = new ProvenanceSeal(json);
        for (MediaResult.Output output : result.outputs().subList(0, 4)) {
            String sha = MediaPlanRenderer.sha256(Path.of(clips.locate(output.key())));
            assertThat(seal.verify(record, sha, signer.publicKeyDer()).ok())
                    .as(output.rendition())
                    .isTrue();
        }
        assertThat(MediaPlanRenderer.sha256(Path.of(clips.locate(SOURCE)))).isEqualTo(originalSha);
        assertThat(seal.verify(record, originalSha, signer.publicKeyDer()).ok()).isTrue();
        assertThat(json.readTree(record).path("providerJobId").asText()).isEqualTo("anim-1");
        assertThat(json.readTree(record).path("filterGraph").asText()).contains("overlay=", "loudnorm=");
    }

    @Test
    void run_planDocumentInTheFirstFormat_stillRuns() throws Exception {
        String firstFormat =
                "{\"jobId\":\"job-1\",\"tenant\":\"demo\",\"sourceKey\":\"" + SOURCE + "\",\"outputPrefix\":"
                        + "\"outputs/demo/job-1/\",\"renditions\":[{\"name\":\"wide\",\"width\":320,\"height\":180,\"fit\":\"PAD\"}],"
                        + "\"thumbnail\":false}";
        clips.putBytes(PLAN, firstFormat.getBytes(), "application/json");

        int exit = task.run(Map.of(MediaTask.PLAN_KEY, PLAN, MediaTask.RESULT_KEY, RESULT));

        assertThat(exit).isZero();
        MediaResult result = json.readValue(clips.getBytes(RESULT).orElseThrow(), MediaResult.class);
        assertThat(result.outputs()).extracting(MediaResult.Output::rendition).containsExactly("wide", "provenance");
    }

    @Test
    void run_withoutPlanKey_exitsTwo() {
        assertThat(task.run(Map.of())).isEqualTo(2);
    }

    @Test
    void keyDirectory_secondLoad_reusesTheSameKey() {
        assertThat(LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("keys")).keyId())
                .isEqualTo(signer.keyId());
        assertThat(Files.exists(dir.resolve("keys").resolve(LocalKeyProvenanceSigner.PRIVATE_FILE)))
                .isTrue();
    }
}
