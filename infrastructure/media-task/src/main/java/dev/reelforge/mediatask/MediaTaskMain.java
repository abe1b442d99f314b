package dev.reelforge.mediatask;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ContentCredentials;
import dev.reelforge.core.port.ProvenanceSigner;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point of the GPU container ({@code infrastructure/media-task/Dockerfile}): the state machine starts it
 * with {@code ecs:runTask.sync} and the plan's keys as environment overrides; the exit code is the verdict.
 * Provenance records are signed with the KMS key in {@code REELFORGE_PROVENANCE_KMS_KEY_ID} when it is set (the
 * deployed template sets it), else with the PKCS#8 P-256 key in {@code REELFORGE_PROVENANCE_KEY_DIR} (default
 * {@code <work dir>/keys}, generated on first use). Content Credentials are signed with the same key: with KMS, under
 * the certificate chain (PEM, signer first) stored at the clip-store key in {@code REELFORGE_C2PA_CERTIFICATE_CHAIN_KEY};
 * with the local key, under a certificate from the local test CA in the key directory.
 */
public final class MediaTaskMain {
    static final String CERTIFICATE_CHAIN_KEY = "REELFORGE_C2PA_CERTIFICATE_CHAIN_KEY";

    private MediaTaskMain() {}

    public static void main(String[] args) {
        HandlerConfig config = HandlerConfig.fromEnvironment();
        try (AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()))) {
            S3ClipStore clips = new S3ClipStore(aws.s3(), config.bucket());
            String kmsKeyId = HandlerConfig.provenanceKmsKeyIdFromEnvironment();
            ProvenanceSigner signer;
            ContentCredentials credentials;
            if (kmsKeyId != null) {
                signer = new KmsProvenanceSigner(aws.kms(), kmsKeyId);
                String chainKey = System.getenv(CERTIFICATE_CHAIN_KEY);
                if (chainKey == null || chainKey.isBlank()) {
                    throw new IllegalStateException(
                            CERTIFICATE_CHAIN_KEY + " must name the clip-store key of the KMS key's C2PA "
                                    + "certificate chain (PEM, signer first): without it no output can carry Content Credentials");
                }
                String chain = new String(
                        clips.getBytes(chainKey)
                                .orElseThrow(() -> new IllegalStateException(
                                        "no C2PA certificate chain at " + chainKey + " in the clip bucket")),
                        StandardCharsets.US_ASCII);
                credentials = new C2paContentCredentials(signer, chain, chain);
            } else {
                String keyDir = System.getenv("REELFORGE_PROVENANCE_KEY_DIR");
                Path keys =
                        keyDir == null || keyDir.isBlank() ? config.workDir().resolve("keys") : Path.of(keyDir);
                signer = LocalKeyProvenanceSigner.loadOrCreate(keys);
                credentials = C2paContentCredentials.local(keys, signer, Clock.systemUTC());
            }
            MediaTask task = MediaTask.create(clips, Services.objectMapper(), config.workDir(), signer, credentials);
            System.exit(task.run(System.getenv()));
        }
    }
}
