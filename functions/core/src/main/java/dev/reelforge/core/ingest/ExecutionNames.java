package dev.reelforge.core.ingest;

import dev.reelforge.core.checksum.Sha256;

/**
 * Execution names derived from what triggered the execution, so a duplicate trigger maps to the same name and
 * Step Functions' name uniqueness (90 days) turns it into a no-op. A name is also the job id: it starts with a
 * readable part (tenant and file name) and ends with a digest of the full identity. At most 80 characters of
 * {@code [A-Za-z0-9_-]}.
 */
public final class ExecutionNames {
    static final int MAX_LENGTH = 80;
    private static final int DIGEST_CHARS = 16;

    private ExecutionNames() {}

    /** {@code <tenant>-<file>-<digest of bucket/key/etag/sequencer>}. */
    public static String forUpload(ObjectCreated upload, String tenant, String fileName) {
        return named(
                tenant + "-" + fileName,
                String.join("\n", upload.bucket(), upload.key(), upload.etag(), upload.sequencer()));
    }

    /** {@code batch-<digest of schedule/time/manifest>}: one batch per scheduled invocation. */
    public static String forBatch(String scheduleArn, String scheduledTime, String manifestKey) {
        return named("batch", String.join("\n", scheduleArn, scheduledTime, manifestKey));
    }

    /** The render of item {@code index} of a batch: {@code <batch>-<index>}, within the length limit. */
    public static String forBatchItem(String batchName, int index) {
        String suffix = "-" + index;
        String base = batchName.length() + suffix.length() > MAX_LENGTH
                ? batchName.substring(0, MAX_LENGTH - suffix.length())
                : batchName;
        return base + suffix;
    }

    private static String named(String readable, String identity) {
        String digest = digest(identity);
        String safe = readable.replaceAll("[^A-Za-z0-9_-]", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        int room = MAX_LENGTH - DIGEST_CHARS - 1 - 8;
        if (safe.length() > room) {
            safe = safe.substring(0, room);
        }
        return (safe.isEmpty() ? "upload" : safe) + "-" + digest;
    }

    private static String digest(String identity) {
        return Sha256.hex(identity).substring(0, DIGEST_CHARS);
    }
}
