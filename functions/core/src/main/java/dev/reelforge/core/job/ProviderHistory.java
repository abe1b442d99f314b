package dev.reelforge.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits the job record's provider history ({@code providerJobs}, one {@link ProviderJobHistory} per provider job)
 * and its {@code possibleDuplicateCharges}. Like {@link JobDetail}, each edit returns the new document text, so it
 * composes with {@code JobStore.update}'s retry loop; a retried state that records the same thing again adds nothing.
 */
public final class ProviderHistory {
    public static final String JOBS = "providerJobs";
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicateCharges";

    private final ObjectMapper json;
    private final JobDetail details;

    public ProviderHistory(ObjectMapper json) {
        this.json = json;
        this.details = new JobDetail(json);
    }

    /** The provider jobs on the record, in the order they were first recorded. */
    public List<ProviderJobHistory> read(JobRecord record) {
        List<ProviderJobHistory> jobs = new ArrayList<>();
        details.read(record).path(JOBS).forEach(node -> jobs.add(json.convertValue(node, ProviderJobHistory.class)));
        return jobs;
    }

    /** New, adopted and resumed submissions over every provider job on the record. */
    public SubmissionCounts counts(JobRecord record) {
        int created = 0;
        int adopted = 0;
        int resumed = 0;
        for (ProviderJobHistory job : read(record)) {
            List<CreateAttempt.Outcome> outcomes =
                    job.creates().stream().map(CreateAttempt::outcome).toList();
            if (outcomes.contains(CreateAttempt.Outcome.ADOPTED)) {
                adopted++;
            } else if (outcomes.contains(CreateAttempt.Outcome.CREATED)) {
                created++;
            }
            resumed += (int) outcomes.stream()
                    .filter(o -> o == CreateAttempt.Outcome.RESUMED)
                    .count();
        }
        return new SubmissionCounts(created, adopted, resumed);
    }

    public List<PossibleDuplicateCharge> possibleDuplicates(JobRecord record) {
        List<PossibleDuplicateCharge> charges = new ArrayList<>();
        details.read(record)
                .path(POSSIBLE_DUPLICATES)
                .forEach(node -> charges.add(json.convertValue(node, PossibleDuplicateCharge.class)));
        return charges;
    }

    /** Adds the create calls behind a submitted job, its first state and any possible duplicate charges. */
    public String submitted(
            JobRecord record,
            int attempt,
            int variation,
            String providerJobId,
            List<CreateAttempt> creates,
            ProviderJobHistory.StateSeen state,
            List<PossibleDuplicateCharge> duplicates) {
        String withJob = edit(record, providerJobId, attempt, variation, job -> {
            LinkedHashSet<CreateAttempt> merged = new LinkedHashSet<>(job.creates());
            merged.addAll(creates);
            return new ProviderJobHistory(
                    job.providerJobId(),
                    job.attempt(),
                    job.variation(),
                    List.copyOf(merged),
                    withState(job.states(), state),
                    job.downloads());
        });
        if (duplicates.isEmpty()) {
            return withJob;
        }
        ObjectNode detail = details.read(record.withDetail(withJob));
        LinkedHashSet<PossibleDuplicateCharge> charges = new LinkedHashSet<>(possibleDuplicates(record));
        charges.addAll(duplicates);
        detail.set(POSSIBLE_DUPLICATES, json.valueToTree(charges));
        return details.write(detail);
    }

    /** Records a provider state Poll saw, unless it is the state last recorded for that job. */
    public String observed(JobRecord record, String providerJobId, ProviderJobHistory.StateSeen state) {
        return edit(
                record,
                providerJobId,
                0,
                0,
                job -> new ProviderJobHistory(
                        job.providerJobId(),
                        job.attempt(),
                        job.variation(),
                        job.creates(),
                        withState(job.states(), state),
                        job.downloads()));
    }

    public String downloaded(JobRecord record, String providerJobId, ProviderJobHistory.DownloadAttempt download) {
        return edit(record, providerJobId, 0, 0, job -> {
            List<ProviderJobHistory.DownloadAttempt> downloads = new ArrayList<>(job.downloads());
            if (!downloads.contains(download)) {
                downloads.add(download);
            }
            return new ProviderJobHistory(
                    job.providerJobId(), job.attempt(), job.variation(), job.creates(), job.states(), downloads);
        });
    }

    private static List<ProviderJobHistory.StateSeen> withState(
            List<ProviderJobHistory.StateSeen> states, ProviderJobHistory.StateSeen state) {
        if (!states.isEmpty() && states.get(states.size() - 1).state().equals(state.state())) {
            return states;
        }
        List<ProviderJobHistory.StateSeen> longer = new ArrayList<>(states);
        longer.add(state);
        return longer;
    }

    private String edit(
            JobRecord record,
            String providerJobId,
            int attempt,
            int variation,
            UnaryOperator<ProviderJobHistory> change) {
        List<ProviderJobHistory> jobs = new ArrayList<>(read(record));
        int index = -1;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).providerJobId().equals(providerJobId)) {
                index = i;
            }
        }
        if (index < 0) {
            jobs.add(new ProviderJobHistory(providerJobId, attempt, variation, List.of(), List.of(), List.of()));
            index = jobs.size() - 1;
        }
        jobs.set(index, change.apply(jobs.get(index)));
        ObjectNode detail = details.read(record);
        JsonNode tree = json.valueToTree(jobs);
        detail.set(JOBS, tree);
        return details.write(detail);
    }
}
