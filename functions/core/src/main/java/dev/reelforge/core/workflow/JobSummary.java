package dev.reelforge.core.workflow;

import dev.reelforge.core.job.SubmissionCounts;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import java.util.List;

/**
 * The execution's output: what a caller needs to fetch the deliverables and explain the result.
 *
 * @param submissions how the provider jobs were started (new, adopted after a lost reply, resumed)
 * @param possibleDuplicateCharges clips that may have been paid for twice (empty for protocols that can reconcile)
 */
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
        List<String> warnings,
        SubmissionCounts submissions,
        List<PossibleDuplicateCharge> possibleDuplicateCharges) {

    public JobSummary {
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
        submissions = submissions == null ? new SubmissionCounts(0, 0, 0) : submissions;
        possibleDuplicateCharges = List.copyOf(possibleDuplicateCharges == null ? List.of() : possibleDuplicateCharges);
    }

    /** One deliverable: its rendition name and clip-store key. */
    public record Output(String rendition, String key) {}
}
