package dev.reelforge.mediatask;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.handlers.config.HandlerConfig;
import dev.reelforge.handlers.config.Services;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import java.nio.file.Path;

/**
 * Entry point of the GPU container ({@code infrastructure/media-task/Dockerfile}): the state machine starts it
 * with {@code ecs:runTask.sync} and the plan's keys as environment overrides; the exit code is the verdict.
 * Provenance records are signed with the PKCS#8 P-256 key in {@code REELFORGE_PROVENANCE_KEY_DIR} (mount it from
 * Secrets Manager; default {@code <work dir>/keys}, generated on first use). A KMS-backed signer is on the roadmap.
 */
public final class MediaTaskMain {
    private MediaTaskMain() {}

    public static void main(String[] args) {
        HandlerConfig config = HandlerConfig.fromEnvironment();
        try (AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()))) {
            String keyDir = System.getenv("REELFORGE_PROVENANCE_KEY_DIR");
            Path keys = keyDir == null || keyDir.isBlank() ? config.workDir().resolve("keys") : Path.of(keyDir);
            MediaTask task = MediaTask.create(new S3ClipStore(aws.s3(), config.bucket()), Services.objectMapper(), config.workDir(),
                    LocalKeyProvenanceSigner.loadOrCreate(keys));
            System.exit(task.run(System.getenv()));
        }
    }
}
