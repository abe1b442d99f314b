package dev.reelforge.core.job;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every object key the workflow writes, built from validated ids only, with the tenant as the second segment so
 * an IAM condition or a presigned-URL policy on {@code <area>/<tenant>/} isolates tenants.
 */
public final class StorageKeys {
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    private StorageKeys() {}

    /** A provider original, never modified after it is written. */
    public static String clip(String tenant, String jobId, int attempt, int variation) {
        return String.format(Locale.ROOT, "clips/%s/%s/%d/%d.mp4", safe(tenant), safe(jobId), attempt, variation);
    }

    public static String outputPrefix(String tenant, String jobId) {
        return "outputs/" + safe(tenant) + "/" + safe(jobId) + "/";
    }

    public static String report(String tenant, String jobId) {
        return outputPrefix(tenant, jobId) + "report.json";
    }

    public static String mediaPlan(String tenant, String jobId) {
        return "jobs/" + safe(tenant) + "/" + safe(jobId) + "/media-plan.json";
    }

    public static String mediaResult(String tenant, String jobId) {
        return "jobs/" + safe(tenant) + "/" + safe(jobId) + "/media-result.json";
    }

    /** The last frame of a multi-shot sequence's accepted shot {@code shot}, from which the next shot starts. */
    public static String shotLastFrame(String tenant, String jobId, int shot) {
        return String.format(Locale.ROOT, "jobs/%s/%s/shots/%d/last-frame.png", safe(tenant), safe(jobId), shot);
    }

    /** @throws IllegalArgumentException for anything that could escape its prefix ({@code ..}, slashes, empty) */
    public static String safe(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("unsafe id for a storage key: '" + id + "'");
        }
        return id;
    }
}
