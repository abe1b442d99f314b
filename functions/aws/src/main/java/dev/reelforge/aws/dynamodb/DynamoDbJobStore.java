package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.JobStore;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@link JobStore} on a DynamoDB table keyed by {@code jobId}. Every write is a conditional PutItem on the
 * record's {@code version}, so concurrent Lambdas never overwrite each other; {@link #update} re-reads and re-applies
 * the change when it loses, up to a bound. Items expire 90 days after their last update (TTL {@code expiresAt}).
 * Thread-safe.
 *
 * <pre>{@code
 * JobStore jobs = new DynamoDbJobStore(clients.dynamoDb(), "reelforge-jobs");
 * jobs.update(jobId, job -> job.withStatus(JobStatus.RENDERING, "", clock.instant()));
 * }</pre>
 */
public final class DynamoDbJobStore implements JobStore {
    static final int DEFAULT_MAX_ATTEMPTS = 20;

    private static final Logger log = LoggerFactory.getLogger(DynamoDbJobStore.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int maxAttempts;

    public DynamoDbJobStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, DEFAULT_MAX_ATTEMPTS);
    }

    DynamoDbJobStore(DynamoDbClient dynamoDb, String table, int maxAttempts) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    @Override
    public JobRecord create(JobRecord record) {
        JobRecord first = withVersion(record, 1);
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(JobItems.toItem(first))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", JobItems.JOB_ID)));
            return first;
        } catch (ConditionalCheckFailedException e) {
            throw new JobConflictException("Job " + record.jobId() + " already exists; use a new job id or update it");
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(JobItems.JOB_ID, JobItems.s(jobId)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobItems.fromItem(item));
    }

    @Override
    public JobRecord update(String jobId, UnaryOperator<JobRecord> change) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            JobRecord current = find(jobId).orElseThrow(() -> new NoSuchElementException("No job " + jobId));
            JobRecord changed = change.apply(current);
            if (!current.jobId().equals(changed.jobId())) {
                throw new IllegalArgumentException("An update must not change the job id " + jobId);
            }
            JobRecord next = withVersion(changed, current.version() + 1);
            try {
                dynamoDb.putItem(b -> b.tableName(table)
                        .item(JobItems.toItem(next))
                        .conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", JobItems.VERSION))
                        .expressionAttributeValues(Map.of(":expected", JobItems.n(current.version()))));
                return next;
            } catch (ConditionalCheckFailedException e) {
                log.debug("Job {} changed under update attempt {} (version {})", jobId, attempt, current.version());
                pause(jobId, attempt);
            }
        }
        throw new JobConflictException("Job " + jobId + " kept changing during " + maxAttempts
                + " update attempts; too many concurrent writers for one job");
    }

    private static JobRecord withVersion(JobRecord r, long version) {
        return new JobRecord(
                r.jobId(),
                r.tenant(),
                r.clientRequestId(),
                r.status(),
                r.reason(),
                r.cacheKey(),
                r.providerSubmissions(),
                r.outputs(),
                r.detail(),
                r.createdAt(),
                r.updatedAt(),
                version);
    }

    /** Full-jitter exponential backoff (10 ms doubling, capped at 200 ms) so losers do not collide in lockstep. */
    private static void pause(String jobId, int attempt) {
        long capMillis = Math.min(200, 10L << Math.min(attempt - 1, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(capMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobConflictException("Interrupted while retrying an update of job " + jobId + "; retry the step");
        }
    }
}
