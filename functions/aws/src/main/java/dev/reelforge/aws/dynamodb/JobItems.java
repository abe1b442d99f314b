package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link JobRecord} to and from its job-table item. */
final class JobItems {
    static final String JOB_ID = "jobId";
    static final String VERSION = "version";
    static final Duration RETENTION = Duration.ofDays(90);

    private JobItems() {}

    static Map<String, AttributeValue> toItem(JobRecord job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(JOB_ID, s(job.jobId()));
        putIfPresent(item, "tenant", job.tenant());
        putIfPresent(item, "clientRequestId", job.clientRequestId());
        item.put("status", s(job.status().name()));
        item.put("reason", s(job.reason()));
        item.put("cacheKey", s(job.cacheKey()));
        item.put("providerSubmissions", n(job.providerSubmissions()));
        item.put(
                "outputs",
                AttributeValue.fromM(job.outputs().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        item.put("detail", s(JobDetailDocument.write(job.detail())));
        item.put("createdAt", s(job.createdAt().toString()));
        item.put("updatedAt", s(job.updatedAt().toString()));
        item.put(VERSION, n(job.version()));
        item.put(
                TableDefinitions.TTL_ATTRIBUTE,
                n(job.updatedAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    static JobRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, String> outputs = item.containsKey("outputs")
                ? item.get("outputs").m().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().s()))
                : Map.of();
        return new JobRecord(
                item.get(JOB_ID).s(),
                string(item, "tenant"),
                string(item, "clientRequestId"),
                JobStatus.valueOf(item.get("status").s()),
                string(item, "reason"),
                string(item, "cacheKey"),
                Integer.parseInt(item.get("providerSubmissions").n()),
                outputs,
                JobDetailDocument.read(item.get(JOB_ID).s(), string(item, "detail")),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get(VERSION).n()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
