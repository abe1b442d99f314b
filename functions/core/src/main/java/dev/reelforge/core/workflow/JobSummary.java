package dev.reelforge.core.workflow;

import java.util.List;

/** The execution's output: what a caller needs to fetch the deliverables and explain the result. */
public record JobSummary(
        String status,
        String jobId,
        String tenant,
        boolean cacheHit,
        int providerSubmissions,
        int attempts,
        String verdict,
        List<Output> outputs,
        String report,
        String encoder,
        double estimatedCostUsd,
        List<String> warnings) {

    public JobSummary {
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
    }

    /** One deliverable: its rendition name and clip-store key. */
    public record Output(String rendition, String key) {}
}
