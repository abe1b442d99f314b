package dev.reelforge.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.port.ProvenanceSigner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceSealTest {
    private static final String OUTPUT_SHA = "a".repeat(64);
    private final ObjectMapper json = new ObjectMapper();
    private final ProvenanceSeal seal = new ProvenanceSeal(json);

    @Test
    void verify_untouchedRecordWithListedOutput_verifies() throws Exception {
        TestSigner signer = new TestSigner(1);

        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(seal.sign(record(), signer));

        assertThat(seal.verify(bytes, OUTPUT_SHA, null).ok()).isTrue();
        assertThat(seal.verify(bytes, OUTPUT_SHA, signer.publicKeyDer()).message())
                .contains("trusted key");
    }

    @Test
    void verify_editedField_failsOnTheSignature() throws Exception {
        ObjectNode tree = json.valueToTree(seal.sign(record(), new TestSigner(1)));
        tree.put("model", "another-model");

        ProvenanceSeal.Verification result = seal.verify(json.writeValueAsBytes(tree), OUTPUT_SHA, null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("modified after signing");
    }

    @Test
    void verify_addedField_failsOnTheSignature() throws Exception {
        ObjectNode tree = json.valueToTree(seal.sign(record(), new TestSigner(1)));
        tree.put("note", "approved by legal");

        assertThat(seal.verify(json.writeValueAsBytes(tree), OUTPUT_SHA, null).ok())
                .isFalse();
    }

    @Test
    void verify_fileNotInRecord_failsNamingTheHash() throws Exception {
        byte[] bytes = json.writeValueAsBytes(seal.sign(record(), new TestSigner(1)));

        ProvenanceSeal.Verification result = seal.verify(bytes, "b".repeat(64), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("not in the record");
    }

    @Test
    void verify_recordSignedByAnotherKey_failsAgainstTheTrustedKey() throws Exception {
        byte[] bytes = json.writeValueAsBytes(seal.sign(record(), new TestSigner(2)));

        assertThat(seal.verify(bytes, OUTPUT_SHA, new TestSigner(1).publicKeyDer())
                        .ok())
                .isFalse();
    }

    @Test
    void verify_notJson_failsClearly() {
        assertThat(seal.verify("not json".getBytes(), OUTPUT_SHA, null).message())
                .contains("not valid JSON");
    }

    private static ProvenanceRecord record() {
        return new ProvenanceRecord(
                ProvenanceRecord.FORMAT,
                "job-1",
                "demo",
                "animatic",
                "animatic-v1",
                "prov-123",
                "c".repeat(64),
                List.of(new ProvenanceRecord.FileDigest("original", "clips/demo/job-1/1/0.mp4", "d".repeat(64))),
                List.of(new ProvenanceRecord.FileDigest("9x16-720p", "outputs/demo/job-1/9x16-720p.mp4", OUTPUT_SHA)),
                "libopenh264",
                "cpu",
                "[0:v]hue=s=0.92,split=1[g0]",
                "2026-11-25T10:00:00Z",
                "2026-11-25T10:00:05Z",
                null);
    }

    /** A P-256 key from a seeded generator, so each seed is one stable key within the run. */
    private static final class TestSigner implements ProvenanceSigner {
        private final KeyPair pair;

        TestSigner(long seed) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            pair = generator.generateKeyPair();
        }

        @Override
        public String keyId() {
            return "test:" + pair.getPublic().hashCode();
        }

        @Override
        public byte[] publicKeyDer() {
            return pair.getPublic().getEncoded();
        }

        @Override
        public byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(pair.getPrivate());
                signature.update(message);
                return signature.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
