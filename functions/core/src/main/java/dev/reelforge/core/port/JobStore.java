package dev.reelforge.core.port;

import dev.reelforge.core.job.JobRecord;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The job table. Writes are optimistic: {@link #update} re-reads and re-applies the change when another writer
 * got there first, so concurrent handlers never lose each other's updates. Implementations are thread-safe.
 */
public interface JobStore {
    /**
     * Writes a new record (version 1).
     *
     * @throws dev.reelforge.core.error.JobConflictException if a record with this id exists
     */
    JobRecord create(JobRecord record);

    Optional<JobRecord> find(String jobId);

    /**
     * Applies {@code change} to the current record and writes it with the next version, retrying on conflict.
     *
     * @throws java.util.NoSuchElementException if there is no such job
     */
    JobRecord update(String jobId, UnaryOperator<JobRecord> change);
}
