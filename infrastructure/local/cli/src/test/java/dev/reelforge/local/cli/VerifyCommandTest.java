package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.ProvenanceRecord;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.wiring.Services;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private Path output;
    private Path record;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeSignedRecord() throws Exception {
        ObjectMapper json = Services.objectMapper();
        output = dir.resolve("9x16-720p.mp4");
        Files.write(output, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        LocalKeyProvenanceSigner signer = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("data/keys"));
        ProvenanceRecord unsigned = new ProvenanceRecord(ProvenanceRecord.FORMAT, "job-1", "demo", "animatic", "animatic-v1", "p-1",
                "c".repeat(64), List.of(new ProvenanceRecord.FileDigest("original", "clips/demo/job-1/1/0.mp4", "d".repeat(64))),
                List.of(new ProvenanceRecord.FileDigest("9x16-720p", "outputs/demo/job-1/9x16-720p.mp4", MediaPlanRenderer.sha256(output))),
                "libopenh264", "cpu", "[0:v]null", "2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z", null);
        record = dir.resolve("provenance.json");
        Files.write(record, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ProvenanceSeal(json).sign(unsigned, signer)));
    }

    @Test
    void verify_untouchedOutputAndRecord_exitsZero() {
        assertThat(verify()).isEqualTo(ReelforgeCli.OK);
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

        int code = ReelforgeCli.commandLine().setErr(new PrintWriter(err)).execute("verify", "--data-dir", otherData.toString(),
                output.toString(), record.toString());

        assertThat(code).isEqualTo(ReelforgeCli.FAILED);
        assertThat(err.toString()).contains("not by the trusted key");
    }

    private int verify() {
        CommandLine cli = ReelforgeCli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
        return cli.execute("verify", "--data-dir", dir.resolve("data").toString(), output.toString(), record.toString());
    }
}
