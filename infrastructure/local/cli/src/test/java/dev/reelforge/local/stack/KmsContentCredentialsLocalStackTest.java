package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsManifest.Action;
import dev.reelforge.core.media.CredentialsManifest.Ingredient;
import dev.reelforge.core.media.CredentialsManifest.Relationship;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.LocalCertificateAuthority;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * Content Credentials signed in KMS, as the media task signs them in AWS: the SDK's signer callback sends the SHA-256 of
 * the COSE bytes to KMS {@code Sign} ({@code ECDSA_SHA_256}, {@code MessageType=DIGEST}; LocalStack implements DIGEST
 * like AWS, moto 5.2.5 does not), under a certificate the test CA issued for the KMS key's public half, and the SDK
 * reads back a manifest that validates against that CA.
 */
@Tag("localstack")
class KmsContentCredentialsLocalStackTest {
    @TempDir
    Path dir;

    @Test
    void read_renditionSignedWithAKmsKey_isTrustedAgainstTheCaThatCertifiedTheKey() {
        Path original = dir.resolve("original.mp4");
        Path rendition = dir.resolve("rendition.mp4");
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        ffmpeg.run(
                "making an original",
                List.of(
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=320x240:r=30:d=1",
                        "-c:v",
                        "libopenh264",
                        original.toString()),
                Duration.ofSeconds(30));
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
                        rendition.toString()),
                Duration.ofSeconds(30));
        try (LocalStackKms localStack = LocalStackKms.start();
                KmsClient kms = KmsProvenanceSignerMotoTest.kmsAt(localStack.endpoint())) {
            KmsProvenanceSigner signer = new KmsProvenanceSigner(
                    kms,
                    KmsProvenanceSignerMotoTest.createKey(kms, KeySpec.ECC_NIST_P256)
                            .arn());
            LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
            C2paContentCredentials credentials = new C2paContentCredentials(
                    signer,
                    ca.issueSigningChain(signer.publicKeyDer(), "Reelforge KMS signer (test)"),
                    ca.trustAnchorPem());
            Path signed = dir.resolve("signed.mp4");

            credentials.embed(
                    rendition,
                    signed,
                    new CredentialsManifest(
                            "rendition.mp4",
                            "video/mp4",
                            "0.1.0-test",
                            List.of(
                                    new Action(
                                            Action.CREATED,
                                            "ray-2",
                                            CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA,
                                            "",
                                            Map.of()),
                                    new Action(Action.TRANSCODED, "Reelforge 0.1.0-test", "", "", Map.of())),
                            "cd".repeat(32),
                            List.of(new Ingredient(original, "original.mp4", "video/mp4", Relationship.PARENT_OF))));
            CredentialsReport report = credentials.read(signed, "video/mp4");

            assertThat(report.trusted()).as(report.failures().toString()).isTrue();
            assertThat(report.issuer()).contains("Reelforge");
            assertThat(report.ingredients())
                    .extracting(CredentialsReport.Ingredient::relationship)
                    .containsExactly("parentOf");
            assertThat(signer.keyId()).startsWith("arn:aws:kms:");
        }
    }
}
