package dev.reelforge.wiring;

import dev.reelforge.core.approval.ApprovalGate;
import dev.reelforge.core.webhook.WebhookRoute;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The deployment settings every handler needs. The only place that reads the environment; tests and the local
 * CLI build it from a map.
 *
 * @param capabilitiesFile a deployer's provider-capabilities JSON, or null for the bundled one
 * @param initializedAhead whether this init runs ahead of requests (SnapStart, provisioned concurrency), so what a
 *     handler may use is built now rather than on first use
 */
public record HandlerConfig(
        String region,
        String bucket,
        String jobsTable,
        String cacheTable,
        Path workDir,
        Path capabilitiesFile,
        boolean initializedAhead) {
    /**
     * Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE} values whose init runs before any request waits on it: a
     * SnapStart snapshot, or provisioned concurrency. There, building a client at init costs no request anything.
     */
    private static final Set<String> INITIALIZED_AHEAD = Set.of("snap-start", "provisioned-concurrency");

    public static HandlerConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** The Ingest function's state machines, from its environment. */
    public static StateMachineArns stateMachineArnsFromEnvironment() {
        return StateMachineArns.from(System.getenv());
    }

    /** A deployer's provider-capabilities file (REELFORGE_CAPABILITIES_FILE), or null for the bundled data. */
    public static Path capabilitiesFileFromEnvironment() {
        String file = System.getenv("REELFORGE_CAPABILITIES_FILE");
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** The KMS key (id, ARN or alias) that signs provenance records (REELFORGE_PROVENANCE_KMS_KEY_ID), or null. */
    public static String provenanceKmsKeyIdFromEnvironment() {
        String keyId = System.getenv("REELFORGE_PROVENANCE_KMS_KEY_ID");
        return keyId == null || keyId.isBlank() ? null : keyId.strip();
    }

    /** The paid video providers this deployment (or local run) drives, from the environment. */
    public static ProviderConfig providersFromEnvironment(String region, String bucket) {
        return ProviderConfig.from(System.getenv(), region, bucket);
    }

    /** Which image generator makes generated reference images (REELFORGE_IMAGE_GENERATOR, …; the animatic still). */
    public static ImageGeneratorConfig imagesFromEnvironment() {
        return ImageGeneratorConfig.from(System.getenv());
    }

    /** Whether and how ReviewScore asks the optional visual judge, from the environment (off unless set). */
    public static JudgeConfig judgeFromEnvironment() {
        return JudgeConfig.from(System.getenv());
    }

    /** Where providers call back and how long a render waits for them (REELFORGE_WEBHOOK_URL, _TIMEOUT_SECONDS). */
    public static WebhookRoute webhookRouteFromEnvironment() {
        return WebhookConfig.route(System.getenv());
    }

    /** The secret (ARN or name) holding the webhook verification keys (REELFORGE_WEBHOOK_SECRET_ARN), or null. */
    public static String webhookSecretFromEnvironment() {
        String arn = System.getenv("REELFORGE_WEBHOOK_SECRET_ARN");
        return arn == null || arn.isBlank() ? null : arn.strip();
    }

    /** The deployment's approval default: REELFORGE_APPROVAL (required or none) and REELFORGE_APPROVAL_TIMEOUT_SECONDS. */
    public static ApprovalGate approvalFromEnvironment() {
        return approval(System.getenv());
    }

    static ApprovalGate approval(Map<String, String> env) {
        String mode = env.getOrDefault("REELFORGE_APPROVAL", "none").strip();
        if (!mode.equals("required") && !mode.equals("none")) {
            throw new IllegalStateException("REELFORGE_APPROVAL must be required or none, not '" + mode + "'");
        }
        String timeout = env.get("REELFORGE_APPROVAL_TIMEOUT_SECONDS");
        try {
            long seconds = timeout == null || timeout.isBlank()
                    ? ApprovalGate.DEFAULT_TIMEOUT_SECONDS
                    : Long.parseLong(timeout.strip());
            return new ApprovalGate(mode.equals("required"), seconds);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "REELFORGE_APPROVAL_TIMEOUT_SECONDS must be 1.." + ApprovalGate.MAX_TIMEOUT_SECONDS + " seconds",
                    e);
        }
    }

    public static HandlerConfig from(Map<String, String> env) {
        String bucket = env.get("REELFORGE_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("REELFORGE_BUCKET is not set; the template sets it for every function");
        }
        String capabilities = env.get("REELFORGE_CAPABILITIES_FILE");
        return new HandlerConfig(
                env.getOrDefault("AWS_REGION", "us-east-1"),
                bucket,
                env.getOrDefault("REELFORGE_JOBS_TABLE", "reelforge-jobs"),
                env.getOrDefault("REELFORGE_CACHE_TABLE", "reelforge-prompt-cache"),
                Path.of(env.getOrDefault("REELFORGE_WORK_DIR", "/tmp/reelforge")),
                capabilities == null || capabilities.isBlank() ? null : Path.of(capabilities),
                INITIALIZED_AHEAD.contains(env.getOrDefault("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));
    }
}
