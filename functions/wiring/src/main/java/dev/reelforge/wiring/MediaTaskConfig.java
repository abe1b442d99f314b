package dev.reelforge.wiring;

import java.nio.file.Path;
import java.util.Map;

/**
 * The GPU media task's settings, read once from its container environment: the deployment's bucket and work dir,
 * the plan it is started for, and how it signs. The media task's only reader of the environment, as
 * {@link HandlerConfig} is the handlers'; tests build it from a map.
 *
 * <pre>{@code
 * MediaTaskConfig config = MediaTaskConfig.fromEnvironment();
 * }</pre>
 *
 * @param planKey clip-store key of the media plan ({@code MEDIA_PLAN_KEY}); null when the task was started without one
 * @param resultKey where the result document goes ({@code MEDIA_RESULT_KEY}); null when not set
 * @param provenanceKmsKeyId the KMS key that signs, or null to sign with the local key in {@code provenanceKeyDir}
 * @param certificateChainKey clip-store key of the KMS key's C2PA certificate chain; set whenever the KMS key is
 * @param provenanceKeyDir the local PKCS#8 P-256 key and test CA ({@code REELFORGE_PROVENANCE_KEY_DIR}, default
 *     {@code <work dir>/keys})
 */
public record MediaTaskConfig(
        HandlerConfig deployment,
        String planKey,
        String resultKey,
        String provenanceKmsKeyId,
        String certificateChainKey,
        Path provenanceKeyDir) {
    public static final String PLAN_KEY = "MEDIA_PLAN_KEY";
    public static final String RESULT_KEY = "MEDIA_RESULT_KEY";
    static final String KMS_KEY_ID = "REELFORGE_PROVENANCE_KMS_KEY_ID";
    static final String CERTIFICATE_CHAIN_KEY = "REELFORGE_C2PA_CERTIFICATE_CHAIN_KEY";
    static final String KEY_DIR = "REELFORGE_PROVENANCE_KEY_DIR";

    public static MediaTaskConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** @throws IllegalStateException naming the variable, when the bucket or (with KMS) the certificate chain is missing */
    public static MediaTaskConfig from(Map<String, String> env) {
        HandlerConfig deployment = HandlerConfig.from(env);
        String kmsKeyId = blankAsNull(env.get(KMS_KEY_ID));
        String chainKey = blankAsNull(env.get(CERTIFICATE_CHAIN_KEY));
        if (kmsKeyId != null && chainKey == null) {
            throw new IllegalStateException(
                    CERTIFICATE_CHAIN_KEY + " must name the clip-store key of the KMS key's C2PA "
                            + "certificate chain (PEM, signer first): without it no output can carry Content Credentials");
        }
        String keyDir = blankAsNull(env.get(KEY_DIR));
        return new MediaTaskConfig(
                deployment,
                blankAsNull(env.get(PLAN_KEY)),
                blankAsNull(env.get(RESULT_KEY)),
                kmsKeyId == null ? null : kmsKeyId.strip(),
                chainKey,
                keyDir == null ? deployment.workDir().resolve("keys") : Path.of(keyDir));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
