package dev.reelforge.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobDetail;
import java.io.UncheckedIOException;

/**
 * The job item's {@code detail} attribute: the typed {@link JobDetail} as one JSON string, in the shape the table has
 * always held, so items written before the detail was typed still read. The only place that serialises it.
 */
final class JobDetailDocument {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JobDetailDocument() {}

    static String write(JobDetail detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("job detail could not be written as JSON", e);
        }
    }

    /** An absent attribute is an empty detail; an unreadable one is an error naming the job. */
    static JobDetail read(String jobId, String document) {
        if (document == null || document.isBlank()) {
            return JobDetail.empty();
        }
        try {
            return JSON.readValue(document, JobDetail.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("job " + jobId + " has an unreadable detail attribute", e);
        }
    }
}
