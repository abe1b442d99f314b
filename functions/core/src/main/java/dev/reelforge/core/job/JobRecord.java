package dev.reelforge.core.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The job table's row for one render: status, reason, every attempt with its scores, provider submissions,
 * outputs. {@code version} increases by one on every write; stores reject a write whose version is stale.
 *
 * @param detail the attempts, review, provider history and media result; the store keeps it as one document
 */
public record JobRecord(
        String jobId,
        String tenant,
        String clientRequestId,
        JobStatus status,
        String reason,
        String cacheKey,
        int providerSubmissions,
        Map<String, String> outputs,
        JobDetail detail,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public JobRecord {
        outputs = Map.copyOf(outputs);
        reason = reason == null ? "" : reason;
        cacheKey = cacheKey == null ? "" : cacheKey;
        detail = detail == null ? JobDetail.empty() : detail;
    }

    public static JobRecord received(String jobId, String tenant, String clientRequestId, Instant now) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                JobStatus.RECEIVED,
                "",
                "",
                0,
                Map.of(),
                JobDetail.empty(),
                now,
                now,
                0);
    }

    public JobRecord withStatus(JobStatus newStatus, String newReason, Instant now) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                newStatus,
                newReason,
                cacheKey,
                providerSubmissions,
                outputs,
                detail,
                createdAt,
                now,
                version);
    }

    public JobRecord withCacheKey(String key) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                status,
                reason,
                key,
                providerSubmissions,
                outputs,
                detail,
                createdAt,
                updatedAt,
                version);
    }

    public JobRecord withSubmissions(int count) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                status,
                reason,
                cacheKey,
                count,
                outputs,
                detail,
                createdAt,
                updatedAt,
                version);
    }

    public JobRecord withOutputs(Map<String, String> newOutputs) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                status,
                reason,
                cacheKey,
                providerSubmissions,
                newOutputs,
                detail,
                createdAt,
                updatedAt,
                version);
    }

    public JobRecord withDetail(JobDetail newDetail) {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                status,
                reason,
                cacheKey,
                providerSubmissions,
                outputs,
                newDetail,
                createdAt,
                updatedAt,
                version);
    }

    /** The record as the store will hold it after a successful write. */
    public JobRecord nextVersion() {
        return new JobRecord(
                jobId,
                tenant,
                clientRequestId,
                status,
                reason,
                cacheKey,
                providerSubmissions,
                outputs,
                detail,
                createdAt,
                updatedAt,
                version + 1);
    }

    public List<String> outputKeys() {
        return List.copyOf(outputs.values());
    }
}
