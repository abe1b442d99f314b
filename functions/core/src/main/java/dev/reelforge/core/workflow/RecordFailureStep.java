package dev.reelforge.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.error.LambdaErrorCause;
import dev.reelforge.core.error.WellFormedText;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.JobStore;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The state machine's Catch target: records a REJECTED or FAILED job with a reason a user can act on. The
 * reason is the error's message (a Lambda error's {@code errorMessage}), never its stack trace.
 */
public final class RecordFailureStep {
    private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");
    private static final int MAX_REASON = 2_000;

    private final JobStore jobs;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordFailureStep(JobStore jobs, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param error the Catch's {@code {Error, Cause}} document
     * @param request the request as received, used only to attribute the job to its tenant when no record exists
     *     (a tenant that is not a well-formed string, such as the number 42, files the job under "unknown")
     */
    public JobRecord run(String jobId, JobStatus status, JsonNode error, JsonNode request) {
        String reason = reason(error);
        JobRecord existing = jobs.find(jobId).orElse(null);
        if (existing == null) {
            JsonNode named = request.path("tenant");
            String tenant = named.isTextual() ? named.asText() : "";
            JobRecord fresh = JobRecord.received(
                    jobId,
                    TENANT.matcher(tenant).matches() ? tenant : "unknown",
                    request.path("clientRequestId").asText(""),
                    clock.instant());
            try {
                jobs.create(fresh);
            } catch (JobConflictException raced) {
                // another writer opened the record first; the update below applies to it
            }
        }
        return jobs.update(jobId, r -> r.withStatus(status, reason, clock.instant()));
    }

    /** The error's message, bounded, as text UTF-8 can carry (a cut through an emoji, a lone surrogate, becomes '?'). */
    String reason(JsonNode error) {
        String name = error.path("Error").asText("Error");
        String cause = error.path("Cause").asText("");
        String message = LambdaErrorCause.message(json, cause);
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        String reason = message.isBlank() ? shortName : message;
        String bounded = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        return WellFormedText.of(bounded);
    }
}
