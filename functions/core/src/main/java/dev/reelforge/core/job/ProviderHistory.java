package dev.reelforge.core.job;

import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits the job record's provider history ({@code providerJobs}, one {@link ProviderJobHistory} per provider job)
 * and its {@code possibleDuplicateCharges}. Like {@link JobDetail}'s own edits, each returns the new detail, so it
 * composes with {@code JobStore.update}'s retry loop; a retried state that records the same thing again adds nothing.
 */
public final class ProviderHistory {
    /** The provider jobs on the record, in the order they were first recorded. */
    public List<ProviderJobHistory> read(JobRecord record) {
        return record.detail().providerJobs();
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
        return record.detail().possibleDuplicateCharges();
    }

    /** Adds the create calls behind a submitted job, its first state and any possible duplicate charges. */
    public JobDetail submitted(
            JobRecord record,
            int attempt,
            int variation,
            String providerJobId,
            List<CreateAttempt> creates,
            ProviderJobHistory.StateSeen state,
            List<PossibleDuplicateCharge> duplicates) {
        JobDetail withJob = edit(record, providerJobId, attempt, variation, job -> {
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
        LinkedHashSet<PossibleDuplicateCharge> charges = new LinkedHashSet<>(possibleDuplicates(record));
        charges.addAll(duplicates);
        return withJob.withPossibleDuplicateCharges(List.copyOf(charges));
    }

    /** Records a provider state Poll saw, unless it is the state last recorded for that job. */
    public JobDetail observed(JobRecord record, String providerJobId, ProviderJobHistory.StateSeen state) {
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

    public JobDetail downloaded(JobRecord record, String providerJobId, ProviderJobHistory.DownloadAttempt download) {
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

    private JobDetail edit(
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
        return record.detail().withProviderJobs(jobs);
    }
}
