package dev.reelforge.mediatask;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ContentCredentials;
import dev.reelforge.core.port.ProvenanceSigner;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.wiring.MediaTaskConfig;
import dev.reelforge.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Entry point of the GPU container ({@code infrastructure/media-task/Dockerfile}): the state machine starts it
 * with {@code ecs:runTask.sync} and the plan's keys as environment overrides; the exit code is the verdict.
 * Everything it reads from the environment is in {@link MediaTaskConfig}. Provenance records are signed with the KMS
 * key when one is configured (the deployed template sets it), else with the local PKCS#8 P-256 key (generated on
 * first use). Content Credentials are signed with the same key: with KMS, under the certificate chain (PEM, signer
 * first) stored in the clip store; with the local key, under a certificate from the local test CA in the key
 * directory.
 */
public final class MediaTaskMain {
    private MediaTaskMain() {}

    public static void main(String[] args) {
        MediaTaskConfig config = MediaTaskConfig.fromEnvironment();
        try (AwsClients aws =
                AwsClients.create(AwsEndpoints.forRegion(config.deployment().region()))) {
            S3ClipStore clips = new S3ClipStore(aws.s3(), config.deployment().bucket());
            ProvenanceSigner signer;
            ContentCredentials credentials;
            if (config.provenanceKmsKeyId() != null) {
                signer = new KmsProvenanceSigner(aws.kms(), config.provenanceKmsKeyId());
                String chainKey = config.certificateChainKey();
                String chain = new String(
                        clips.getBytes(chainKey)
                                .orElseThrow(() -> new IllegalStateException(
                                        "no C2PA certificate chain at " + chainKey + " in the clip bucket")),
                        StandardCharsets.US_ASCII);
                credentials = new C2paContentCredentials(signer, chain, chain);
            } else {
                signer = LocalKeyProvenanceSigner.loadOrCreate(config.provenanceKeyDir());
                credentials = C2paContentCredentials.local(config.provenanceKeyDir(), signer, Clock.systemUTC());
            }
            MediaTask task = MediaTask.create(
                    clips, Services.objectMapper(), config.deployment().workDir(), signer, credentials);
            System.exit(task.run(config.planKey(), config.resultKey()));
        }
    }
}
