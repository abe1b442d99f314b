package dev.reelforge.media.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsManifest.Action;
import dev.reelforge.core.media.CredentialsManifest.Ingredient;
import dev.reelforge.core.media.CredentialsManifest.Relationship;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.core.port.ProvenanceSigner;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C2PA SDK writes, reads back and validates what Reelforge signs, against the local test CA as trust anchor. */
class C2paContentCredentialsTest {
    private static final String PROMPT_SHA = "ab".repeat(32);

    @TempDir
    static Path dir;

    private static Path original;
    private static Path rendition;
    private static Path still;
    private static LocalKeyProvenanceSigner signer;
    private static C2paContentCredentials credentials;

    @BeforeAll
    static void makeMedia() {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        original = dir.resolve("original.mp4");
        ffmpeg.run(
                "making an original",
                List.of(
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=320x240:r=30:d=1",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=r=48000:d=1",
                        "-c:v",
                        "libopenh264",
                        "-c:a",
                        "aac",
                        "-shortest",
                        original.toString()),
                Duration.ofSeconds(30));
        rendition = dir.resolve("1x1-240.mp4");
        ffmpeg.run(
                "making a rendition",
                List.of(
                        "-v",
                        "error",
                        "-i",
                        original.toString(),
                        "-vf",
                        "crop=240:240",
                        "-c:v",
                        "libopenh264",
                        "-c:a",
                        "aac",
                        "-movflags",
                        "+faststart",
                        rendition.toString()),
                Duration.ofSeconds(30));
        still = dir.resolve("thumbnail.jpg");
        ffmpeg.run(
                "making a still",
                List.of(
                        "-v",
                        "error",
                        "-i",
                        original.toString(),
                        "-frames:v",
                        "1",
                        "-q:v",
                        "4",
                        "-update",
                        "1",
                        still.toString()),
                Duration.ofSeconds(30));
        signer = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("keys"));
        credentials = C2paContentCredentials.local(dir.resolve("keys"), signer, Clock.systemUTC());
    }

    @Test
    void read_signedRendition_isTrustedWithTheModelsCreationReelforgesActionsAndTheOriginalAsParent() throws Exception {
        Path signed = dir.resolve("signed-rendition.mp4");

        credentials.embed(rendition, signed, manifest("1x1-240.mp4", "video/mp4"));
        CredentialsReport report = credentials.read(signed, "video/mp4");

        assertThat(report.trusted()).as(report.failures().toString()).isTrue();
        assertThat(report.validationState()).isEqualTo("Trusted");
        assertThat(report.claimGenerator()).isEqualTo("Reelforge 0.1.0-test");
        assertThat(report.actions())
                .extracting(CredentialsReport.Action::action)
                .containsExactly(Action.CREATED, Action.CROPPED, Action.EDITED, Action.TRANSCODED);
        assertThat(report.actions().get(0).digitalSourceType())
                .isEqualTo(CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(report.actions().get(0).softwareAgent()).isEqualTo("ray-2");
        assertThat(report.ingredients())
                .containsExactly(new CredentialsReport.Ingredient("original.mp4", "parentOf", false));
        assertThat(report.promptSha256()).isEqualTo(PROMPT_SHA);
        assertThat(report.issuer()).contains("Reelforge");
        assertThat(Files.size(signed)).isGreaterThan(Files.size(rendition));
    }

    @Test
    void read_signedJpegStill_isTrusted() {
        Path signed = dir.resolve("signed-thumbnail.jpg");

        credentials.embed(still, signed, manifest("thumbnail.jpg", "image/jpeg"));
        CredentialsReport report = credentials.read(signed, "image/jpeg");

        assertThat(report.trusted()).as(report.failures().toString()).isTrue();
        assertThat(report.actions().get(0).digitalSourceType())
                .isEqualTo(CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(report.ingredients())
                .extracting(CredentialsReport.Ingredient::relationship)
                .containsExactly("parentOf");
    }

    @Test
    void read_renditionWithOneByteChangedAfterSigning_failsTheHardBinding() throws Exception {
        Path signed = dir.resolve("tampered.mp4");
        credentials.embed(rendition, signed, manifest("1x1-240.mp4", "video/mp4"));
        try (RandomAccessFile file = new RandomAccessFile(signed.toFile(), "rw")) {
            long at = file.length() - 100;
            file.seek(at);
            int value = file.read();
            file.seek(at);
            file.write(value ^ 0x01);
        }

        CredentialsReport report = credentials.read(signed, "video/mp4");

        assertThat(report.trusted()).isFalse();
        assertThat(report.validationState()).isEqualTo("Invalid");
        assertThat(report.failures()).anyMatch(f -> f.startsWith("assertion.bmffHash.mismatch"));
    }

    @Test
    void read_credentialsFromAnotherCa_areNotTrusted() {
        Path signed = dir.resolve("other-ca.mp4");
        C2paContentCredentials.local(dir.resolve("other-keys"), signer, Clock.systemUTC())
                .embed(rendition, signed, manifest("1x1-240.mp4", "video/mp4"));

        CredentialsReport report = credentials.read(signed, "video/mp4");

        assertThat(report.trusted()).isFalse();
        assertThat(report.failures()).anyMatch(f -> f.startsWith("signingCredential.untrusted"));
    }

    @Test
    void read_fileWithoutCredentials_isAbsent() {
        CredentialsReport report = credentials.read(rendition, "video/mp4");

        assertThat(report.trusted()).isFalse();
        assertThat(report.validationState()).isEqualTo("Absent");
    }

    @Test
    void read_ingredientThatCarriesItsOwnManifest_keepsItAsTheParentsRecord() {
        Path providerSigned = dir.resolve("provider-original.mp4");
        credentials.embed(
                original,
                providerSigned,
                new CredentialsManifest(
                        "provider-original.mp4",
                        "video/mp4",
                        "0.1.0-test",
                        List.of(new Action(
                                Action.CREATED, "ray-2", CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA, "", Map.of())),
                        "",
                        List.of()));
        Path signed = dir.resolve("from-signed-original.mp4");

        credentials.embed(
                rendition,
                signed,
                new CredentialsManifest(
                        "1x1-240.mp4",
                        "video/mp4",
                        "0.1.0-test",
                        actions(),
                        PROMPT_SHA,
                        List.of(new Ingredient(
                                providerSigned, "provider-original.mp4", "video/mp4", Relationship.PARENT_OF))));
        CredentialsReport report = credentials.read(signed, "video/mp4");

        assertThat(report.trusted()).as(report.failures().toString()).isTrue();
        assertThat(report.ingredients())
                .containsExactly(new CredentialsReport.Ingredient("provider-original.mp4", "parentOf", true));
    }

    @Test
    void embed_whenTheSignerFails_failsNamingTheSignersError() {
        ProvenanceSigner broken = new ProvenanceSigner() {
            @Override
            public String keyId() {
                return "broken";
            }

            @Override
            public byte[] publicKeyDer() {
                return signer.publicKeyDer();
            }

            @Override
            public byte[] sign(byte[] message) {
                throw new IllegalStateException("KMS is unreachable");
            }
        };
        C2paContentCredentials failing = C2paContentCredentials.local(dir.resolve("keys"), broken, Clock.systemUTC());

        assertThatThrownBy(() ->
                        failing.embed(rendition, dir.resolve("unsigned.mp4"), manifest("1x1-240.mp4", "video/mp4")))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("KMS is unreachable");
    }

    @Test
    void constructor_chainIssuedForAnotherKey_isRefusedBeforeAnythingIsSigned() {
        LocalKeyProvenanceSigner other = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("another-key"));
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("keys"), Clock.systemUTC());

        assertThatThrownBy(() -> new C2paContentCredentials(
                        signer, ca.issueSigningChain(other.publicKeyDer(), "someone else"), ca.trustAnchorPem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another key than the signer");
    }

    @Test
    void load_libraryFileMissing_failsSayingOutputsCannotBeMarked() {
        assertThatThrownBy(() ->
                        C2paLibrary.load(dir.resolve("no-such/libc2pa_c.so").toString()))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("outputs cannot carry Content Credentials");
    }

    @Test
    void rawSignature_derWithShortAndPaddedIntegers_isFixedWidthRAndS() {
        byte[] der = {0x30, 0x08, 0x02, 0x02, 0x00, (byte) 0x80, 0x02, 0x02, 0x01, 0x02};

        byte[] raw = CallbackSigner.rawSignature(der);

        assertThat(raw).hasSize(64);
        assertThat(raw[31]).isEqualTo((byte) 0x80);
        assertThat(raw[62]).isEqualTo((byte) 0x01);
        assertThat(raw[63]).isEqualTo((byte) 0x02);
    }

    private static CredentialsManifest manifest(String title, String mediaType) {
        return new CredentialsManifest(
                title,
                mediaType,
                "0.1.0-test",
                actions(),
                PROMPT_SHA,
                List.of(new Ingredient(original, "original.mp4", "video/mp4", Relationship.PARENT_OF)));
    }

    private static List<Action> actions() {
        return List.of(
                new Action(
                        Action.CREATED,
                        "ray-2",
                        CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA,
                        "generated by bedrock-async",
                        Map.of("provider", "bedrock-async", "model", "ray-2")),
                new Action(Action.CROPPED, "Reelforge 0.1.0-test", "", "cropped to 1:1", Map.of()),
                new Action(Action.EDITED, "Reelforge 0.1.0-test", "", "visible label", Map.of("label", "AI-generated")),
                new Action(Action.TRANSCODED, "Reelforge 0.1.0-test", "", "H.264", Map.of("encoder", "libopenh264")));
    }
}
