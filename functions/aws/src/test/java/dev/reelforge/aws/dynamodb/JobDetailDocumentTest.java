package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the stored shape: the fixture was written by the untyped detail editor (commit 0444728), edit by edit. */
class JobDetailDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void read_itemWrittenBeforeTheDetailWasTyped_readsEveryPart() throws IOException {
        JobDetail detail = JobDetailDocument.read("j-1", fixture());

        assertThat(detail.warnings()).containsExactly("prompt is long", "decoded on CPU");
        AttemptDetail attempt = detail.attempts().get(0);
        assertThat(attempt.mode()).isEqualTo(RoundMode.INITIAL);
        assertThat(attempt.verdict()).isEqualTo(Verdict.REMIX);
        assertThat(attempt.providerJobIds()).containsExactly("anim-1", "anim-2");
        assertThat(attempt.clips().get(0).checks()).hasSize(2);
        assertThat(attempt.clips().get(0).advisory()).hasSize(1);
        assertThat(attempt.originals().get(0).sha256()).isEqualTo("ab12");
        assertThat(detail.providerJobs().get(1).creates().get(0).outcome()).isEqualTo(CreateAttempt.Outcome.AMBIGUOUS);
        assertThat(detail.possibleDuplicateCharges().get(0).reason()).isEqualTo("no listing");
        assertThat(detail.media().outputs().get(0).width()).isEqualTo(1920);
    }

    @Test
    void write_itemWrittenBeforeTheDetailWasTyped_writesTheSameDocument() throws IOException {
        String before = fixture();

        String after = JobDetailDocument.write(JobDetailDocument.read("j-1", before));

        assertThat(JSON.readTree(after)).isEqualTo(JSON.readTree(before));
    }

    @Test
    void write_openedJob_holdsOnlyItsWarnings() throws IOException {
        String written = JobDetailDocument.write(JobDetail.opened(List.of()));

        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree("{\"warnings\":[]}"));
    }

    @Test
    void write_submittedNotYetReviewed_leavesTheReviewFieldsOut() throws IOException {
        JobDetail submitted = JobDetail.opened(List.of())
                .withAttempt(AttemptDetail.submitted(1, RoundMode.INITIAL, "", List.of("anim-1"), 0.25));

        String written = JobDetailDocument.write(submitted);

        assertThat(JSON.readTree(written).path("attempts"))
                .isEqualTo(JSON.readTree("[{\"attempt\":1,\"mode\":\"initial\",\"instruction\":\"\","
                        + "\"providerJobIds\":[\"anim-1\"],\"estimatedCostUsd\":0.25}]"));
    }

    @Test
    void read_absentOrEmptyObject_isAnEmptyDetail() {
        assertThat(JobDetailDocument.read("j-1", null)).isEqualTo(JobDetail.empty());
        assertThat(JobDetailDocument.read("j-1", "{}")).isEqualTo(JobDetail.empty());
    }

    @Test
    void read_unreadableDocument_failsNamingTheJob() {
        assertThatThrownBy(() -> JobDetailDocument.read("j-7", "{not json"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("job j-7");
    }

    private static String fixture() throws IOException {
        try (InputStream in =
                JobDetailDocumentTest.class.getResourceAsStream("/job-detail/finished-before-typed-detail.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
