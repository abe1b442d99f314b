package dev.reelforge.core.testing;

import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.JobStore;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** {@link JobStore} in memory, for workflow-step tests. Thread-safe. */
public final class InMemoryJobStore implements JobStore {
    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();

    @Override
    public JobRecord create(JobRecord record) {
        JobRecord stored = record.nextVersion();
        if (records.putIfAbsent(record.jobId(), stored) != null) {
            throw new JobConflictException("job " + record.jobId() + " exists");
        }
        return stored;
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return Optional.ofNullable(records.get(jobId));
    }

    @Override
    public JobRecord update(String jobId, UnaryOperator<JobRecord> change) {
        JobRecord updated = records.computeIfPresent(
                jobId, (k, current) -> change.apply(current).nextVersion());
        if (updated == null) {
            throw new NoSuchElementException("no job " + jobId);
        }
        return updated;
    }
}
