package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.core.media.ProvenanceRecord;
import dev.reelforge.core.media.ProvenanceRecord.FileDigest;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.wiring.Services;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * A record signed by a KMS P-256 key (LocalStack's KMS, which implements {@code MessageType=DIGEST} like AWS) verifies
 * with the same {@link ProvenanceSeal} code as {@code reelforge verify}, and any edit breaks it. The record is over
 * KMS's 4 KB RAW limit on purpose.
 */
@Tag("localstack")
class KmsProvenanceSignerLocalStackTest {
    private static final ObjectMapper JSON = Services.objectMapper();
    private static final String OUTPUT_SHA = "e".repeat(64);

    private static LocalStackKms localStack;
    private static KmsClient kms;
    private static KmsProvenanceSigner signer;

    @BeforeAll
    static void startKms() {
        localStack = LocalStackKms.start();
        kms = KmsProvenanceSignerMotoTest.kmsAt(localStack.endpoint());
        signer = new KmsProvenanceSigner(
                kms,
                KmsProvenanceSignerMotoTest.createKey(kms, KeySpec.ECC_NIST_P256)
                        .arn());
    }

    @AfterAll
    static void stopKms() {
        if (kms != null) {
            kms.close();
        }
        if (localStack != null) {
            localStack.close();
        }
    }

    @Test
    void verify_recordSignedByKms_verifiesWithTheTrustedKmsKey() throws Exception {
        byte[] sealed = JSON.writeValueAsBytes(new ProvenanceSeal(JSON).sign(largeRecord(), signer));
        assertThat(sealed.length).isGreaterThan(4096);

        ProvenanceSeal.Verification result = new ProvenanceSeal(JSON).verify(sealed, OUTPUT_SHA, signer.publicKeyDer());

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.message()).contains(signer.keyId());
        assertThat(signer.keyId()).startsWith("arn:aws:kms:");
    }

    @Test
    void verify_recordEditedAfterKmsSigning_fails() throws Exception {
        ObjectNode tree = JSON.valueToTree(new ProvenanceSeal(JSON).sign(largeRecord(), signer));
        tree.put("model", "some-other-model");

        ProvenanceSeal.Verification result =
                new ProvenanceSeal(JSON).verify(JSON.writeValueAsBytes(tree), OUTPUT_SHA, null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("modified after signing");
    }

    private static ProvenanceRecord largeRecord() {
        List<FileDigest> originals = IntStream.range(0, 40)
                .mapToObj(i ->
                        new FileDigest("original-" + i, "clips/demo/job-1/1/" + i + ".mp4", String.format("%064x", i)))
                .toList();
        return new ProvenanceRecord(
                ProvenanceRecord.FORMAT,
                "job-1",
                "demo",
                "animatic",
                "animatic-v1",
                "p-1",
                "c".repeat(64),
                originals,
                List.of(new FileDigest("9x16-720p", "outputs/demo/job-1/9x16-720p.mp4", OUTPUT_SHA)),
                "libopenh264",
                "h264",
                "scale=720:1280,format=yuv420p",
                "2026-11-25T17:00:00Z",
                "2026-11-25T17:01:00Z",
                null);
    }
}
