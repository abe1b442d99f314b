package dev.reelforge.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.review.ClipScore;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobDetailTest {
    private static final AttemptDetail SUBMITTED =
            AttemptDetail.submitted(1, RoundMode.INITIAL, "", List.of("anim-1"), 0.5);
    private static final AttemptDetail REVIEWED = AttemptDetail.reviewed(
            1,
            Verdict.PASS,
            "every check passed",
            "clips/j-1/1-0.mp4",
            List.of(new ClipScore("clips/j-1/1-0.mp4", 0, List.of())),
            List.of(new AttemptDetail.Original("clips/j-1/1-0.mp4", "anim-1", "ab")));

    @Test
    void withAttempt_sameNumber_mergesReviewIntoSubmission() {
        JobDetail detail = JobDetail.empty().withAttempt(SUBMITTED).withAttempt(REVIEWED);

        assertThat(detail.attempts()).hasSize(1);
        AttemptDetail merged = detail.attempts().get(0);
        assertThat(merged.mode()).isEqualTo(RoundMode.INITIAL);
        assertThat(merged.estimatedCostUsd()).isEqualTo(0.5);
        assertThat(merged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(merged.originals())
                .extracting(AttemptDetail.Original::providerJobId)
                .containsExactly("anim-1");
    }

    @Test
    void withAttempt_retriedSubmission_keepsTheReview() {
        AttemptDetail again = AttemptDetail.submitted(1, RoundMode.INITIAL, "", List.of("anim-1"), 0.5);

        JobDetail detail =
                JobDetail.empty().withAttempt(SUBMITTED).withAttempt(REVIEWED).withAttempt(again);

        assertThat(detail.attempts())
                .singleElement()
                .extracting(AttemptDetail::verdict)
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void withAttempt_nextNumber_appends() {
        AttemptDetail second = AttemptDetail.submitted(2, RoundMode.REMIX, "steadier camera", List.of("anim-3"), 0.5);

        JobDetail detail = JobDetail.empty().withAttempt(SUBMITTED).withAttempt(second);

        assertThat(detail.attempts()).extracting(AttemptDetail::attempt).containsExactly(1, 2);
    }

    @Test
    void withWarningsAdded_repeatedWarning_isKeptOnce() {
        JobDetail detail = JobDetail.opened(List.of("prompt is long"))
                .withWarningsAdded(List.of("prompt is long", "decoded on CPU"))
                .withWarningsAdded(List.of("decoded on CPU"));

        assertThat(detail.warnings()).containsExactly("prompt is long", "decoded on CPU");
    }

    @Test
    void estimatedSpendUsd_everyShotsAttemptButTheOneAsked_reservedOrReviewed() {
        JobDetail detail = JobDetail.opened(List.of())
                .withAttempt(AttemptDetail.submitted(1, RoundMode.INITIAL, "", List.of("a"), 0.5)
                        .ofShot(1))
                .withAttempt(AttemptDetail.submitted(4, RoundMode.INITIAL, "", null, 0.25)
                        .ofShot(2))
                .withAttempt(AttemptDetail.reviewed(1, Verdict.PASS, "ok", "k", List.of(), List.of()));

        assertThat(detail.estimatedSpendUsd(0)).isEqualTo(0.75);
        assertThat(detail.estimatedSpendUsd(4))
                .as("a retried attempt is not counted against itself")
                .isEqualTo(0.5);
    }
}
