package dev.reelforge.mediatask;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ProvenanceSigner;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import java.nio.file.Path;

/**
 * Entry point of the GPU container ({@code infrastructure/media-task/Dockerfile}): the state machine starts it
 * with {@code ecs:runTask.sync} and the plan's keys as environment overrides; the exit code is the verdict.
 * Provenance records are signed with the KMS key in {@code REELFORGE_PROVENANCE_KMS_KEY_ID} when it is set (the
 * deployed template sets it), else with the PKCS#8 P-256 key in {@code REELFORGE_PROVENANCE_KEY_DIR} (default
 * {@code <work dir>/keys}, generated on first use).
 */
public final class MediaTaskMain {
    private MediaTaskMain() {}

    public static void main(String[] args) {
        HandlerConfig config = HandlerConfig.fromEnvironment();
        try (AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()))) {
            String kmsKeyId = HandlerConfig.provenanceKmsKeyIdFromEnvironment();
            ProvenanceSigner signer;
            if (kmsKeyId != null) {
                signer = new KmsProvenanceSigner(aws.kms(), kmsKeyId);
            } else {
                String keyDir = System.getenv("REELFORGE_PROVENANCE_KEY_DIR");
                signer = LocalKeyProvenanceSigner.loadOrCreate(
                        keyDir == null || keyDir.isBlank() ? config.workDir().resolve("keys") : Path.of(keyDir));
            }
            MediaTask task = MediaTask.create(new S3ClipStore(aws.s3(), config.bucket()), Services.objectMapper(), config.workDir(),
                    signer);
            System.exit(task.run(System.getenv()));
        }
    }
}
