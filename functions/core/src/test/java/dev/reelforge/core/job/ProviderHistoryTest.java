package dev.reelforge.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProviderHistory history = new ProviderHistory();
    private final JobRecord empty = JobRecord.received("j-1", "acme", "j-1", Instant.parse("2026-12-02T10:00:00Z"));

    private static CreateAttempt attempt(CreateAttempt.Outcome outcome, String id, String at) {
        return new CreateAttempt(at, outcome, id, "");
    }

    @Test
    void submittedTwice_sameCallsAndState_recordedOnceAndCountedByOutcome() {
        List<CreateAttempt> adopted = List.of(
                attempt(CreateAttempt.Outcome.AMBIGUOUS, "", "t0"), attempt(CreateAttempt.Outcome.ADOPTED, "v1", "t1"));
        ProviderJobHistory.StateSeen queued = new ProviderJobHistory.StateSeen("QUEUED", "t1");
        JobRecord once = empty.withDetail(history.submitted(empty, 1, 0, "v1", adopted, queued, List.of()));
        JobRecord twice = once.withDetail(history.submitted(once, 1, 0, "v1", adopted, queued, List.of()));
        JobRecord resumed = twice.withDetail(history.submitted(
                twice, 1, 0, "v1", List.of(attempt(CreateAttempt.Outcome.RESUMED, "v1", "t2")), queued, List.of()));
        PossibleDuplicateCharge charge = new PossibleDuplicateCharge(List.of("v2"), "lost reply at t0");
        JobRecord withCreated = resumed.withDetail(history.submitted(
                resumed,
                1,
                1,
                "v2",
                List.of(attempt(CreateAttempt.Outcome.CREATED, "v2", "t3")),
                queued,
                List.of(charge, charge)));

        assertThat(history.read(twice)).singleElement().satisfies(job -> {
            assertThat(job.creates()).isEqualTo(adopted);
            assertThat(job.states()).containsExactly(queued);
        });
        assertThat(history.counts(withCreated)).isEqualTo(new SubmissionCounts(1, 1, 1));
        assertThat(history.possibleDuplicates(withCreated)).containsExactly(charge);
    }

    @Test
    void observed_recordsOnlyChangesOfState() {
        JobRecord record = empty;
        for (String state : new String[] {"QUEUED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"}) {
            record = record.withDetail(
                    history.observed(record, "v1", new ProviderJobHistory.StateSeen(state, "at-" + state)));
        }

        assertThat(history.read(record).get(0).states())
                .extracting(ProviderJobHistory.StateSeen::state)
                .containsExactly("QUEUED", "IN_PROGRESS", "COMPLETED");
    }

    @Test
    void read_documentAsWritten_isPlainJsonWithWireNames() throws Exception {
        JobRecord record = empty.withDetail(history.submitted(
                empty,
                1,
                0,
                "v1",
                List.of(attempt(CreateAttempt.Outcome.CREATED, "v1", "t0")),
                new ProviderJobHistory.StateSeen("QUEUED", "t0"),
                List.of()));
        record = record.withDetail(history.downloaded(
                record,
                "v1",
                new ProviderJobHistory.DownloadAttempt(
                        "t5",
                        ProviderJobHistory.DownloadAttempt.Outcome.REJECTED,
                        58,
                        "ab",
                        "the body was an HTML page, not an MP4")));

        var job = JSON.valueToTree(record.detail()).path("providerJobs").get(0);
        assertThat(job.path("creates").get(0).path("outcome").asText()).isEqualTo("created");
        assertThat(job.path("downloads").get(0).path("outcome").asText()).isEqualTo("rejected");
        assertThat(job.path("downloads").get(0).path("reason").asText()).contains("HTML page");
    }
}
