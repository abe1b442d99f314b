package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.ProvenanceRecord;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.LocalCertificateAuthority;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.wiring.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private Path output;
    private Path record;
    private LocalKeyProvenanceSigner signer;
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void writeSignedRecord() throws Exception {
        Path original = dir.resolve("0.mp4");
        Ffmpeg.bundled()
                .run(
                        "making an output",
                        List.of(
                                "-v",
                                "error",
                                "-f",
                                "lavfi",
                                "-i",
                                "testsrc2=s=160x120:r=10:d=0.5",
                                "-c:v",
                                "libopenh264",
                                original.toString()),
                        Duration.ofSeconds(30));
        signer = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("data/keys"));
        output = dir.resolve("9x16-720p.mp4");
        C2paContentCredentials.local(dir.resolve("data/keys"), signer, Clock.systemUTC())
                .embed(
                        original,
                        output,
                        new CredentialsManifest(
                                "9x16-720p.mp4",
                                "video/mp4",
                                "0.1.0-test",
                                List.of(new CredentialsManifest.Action(
                                        CredentialsManifest.Action.CREATED,
                                        "animatic-v1",
                                        CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA,
                                        "",
                                        Map.of())),
                                "c".repeat(64),
                                List.of(new CredentialsManifest.Ingredient(
                                        original, "0.mp4", "video/mp4", CredentialsManifest.Relationship.PARENT_OF))));
        writeRecordListing(output);
    }

    private void writeRecordListing(Path file) throws Exception {
        ObjectMapper json = Services.objectMapper();
        ProvenanceRecord unsigned = new ProvenanceRecord(
                ProvenanceRecord.FORMAT,
                "job-1",
                "demo",
                "animatic",
                "animatic-v1",
                "p-1",
                "c".repeat(64),
                List.of(new ProvenanceRecord.FileDigest("original", "clips/demo/job-1/1/0.mp4", "d".repeat(64))),
                List.of(new ProvenanceRecord.FileDigest(
                        "9x16-720p", "outputs/demo/job-1/9x16-720p.mp4", MediaPlanRenderer.sha256(file))),
                "libopenh264",
                "cpu",
                "[0:v]null",
                "2026-11-25T10:00:00Z",
                "2026-11-25T10:00:01Z",
                null);
        record = dir.resolve("provenance.json");
        Files.write(
                record,
                json.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(new ProvenanceSeal(json).sign(unsigned, signer)));
    }

    @Test
    void verify_untouchedOutputAndRecord_exitsZeroAndPrintsTheTrustedCredentials() {
        assertThat(verify()).isEqualTo(ReelforgeCli.OK);
        assertThat(out.toString())
                .contains(
                        "Content Credentials: Trusted",
                        "c2pa.created (trainedAlgorithmicMedia, animatic-v1)",
                        "0.mp4 (parentOf)");
    }

    @Test
    void verify_outputAlone_checksItsEmbeddedCredentials() {
        CommandLine cli =
                ReelforgeCli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(out));

        int code = cli.execute("verify", "--data-dir", dir.resolve("data").toString(), output.toString());

        assertThat(code).as(err.toString()).isEqualTo(ReelforgeCli.OK);
        assertThat(out.toString()).startsWith("Content Credentials: Trusted");
    }

    @Test
    void verify_outputListedInTheRecordButWithoutCredentials_exitsNonZero() throws Exception {
        Files.write(output, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        writeRecordListing(output);

        assertThat(verify()).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("NOT VERIFIED: Content Credentials: Absent");
    }

    @Test
    void verify_credentialsFromAnotherCa_exitsNonZeroSayingTheSignerIsUntrusted() throws Exception {
        Path otherData = dir.resolve("other");
        LocalCertificateAuthority.loadOrCreate(otherData.resolve("keys"), Clock.systemUTC());

        int code = ReelforgeCli.commandLine()
                .setErr(new PrintWriter(err))
                .setOut(new PrintWriter(out))
                .execute(
                        "verify",
                        "--trust-anchors",
                        otherData
                                .resolve("keys")
                                .resolve(LocalCertificateAuthority.CA_CERTIFICATE_FILE)
                                .toString(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        output.toString(),
                        record.toString());

        assertThat(code).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("signingCredential.untrusted");
    }

    @Test
    void verify_tamperedOutput_exitsNonZeroSayingItIsNotInTheRecord() throws Exception {
        byte[] bytes = Files.readAllBytes(output);
        bytes[bytes.length - 1] ^= 1;
        Files.write(output, bytes);

        assertThat(verify()).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("NOT VERIFIED").contains("not in the record");
    }

    @Test
    void verify_tamperedRecord_exitsNonZeroSayingTheSignatureFails() throws Exception {
        Files.writeString(record, Files.readString(record).replace("animatic-v1", "sora-2"));

        assertThat(verify()).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("signature does not verify");
    }

    @Test
    void verify_recordFromAnotherKey_failsAgainstTheLocalKey() throws Exception {
        Path otherData = dir.resolve("other");
        LocalKeyProvenanceSigner.loadOrCreate(otherData.resolve("keys"));

        int code = ReelforgeCli.commandLine()
                .setErr(new PrintWriter(err))
                .execute("verify", "--data-dir", otherData.toString(), output.toString(), record.toString());

        assertThat(code).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("not by the trusted key");
    }

    private int verify() {
        CommandLine cli =
                ReelforgeCli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(out));
        return cli.execute(
                "verify", "--data-dir", dir.resolve("data").toString(), output.toString(), record.toString());
    }
}
