package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The round and the review travel through the state machine as JSON that the ASL's Choice rules read
 * ({@code $.round.status}, {@code $.review.verdict}, {@code $.review.nextMode}): their wire form is fixed here, and
 * JSON written before these fields were typed still reads back.
 */
class WorkflowStateJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_STARTED =
            "{\"attempt\":0,\"mode\":\"initial\",\"prompt\":\"\",\"instruction\":\"\","
                    + "\"tasks\":[],\"status\":\"NOT_STARTED\",\"progressPercent\":0,\"pollAfterSeconds\":1,\"deadline\":\"\","
                    + "\"spentUsd\":0.0,\"clipSeconds\":0.0}";
    private static final String RUNNING =
            "{\"attempt\":2,\"mode\":\"remix\",\"prompt\":\"p\",\"instruction\":\"steady\","
                    + "\"tasks\":[{\"variation\":0,\"seed\":7,\"providerJobId\":\"job_1\",\"state\":\"IN_PROGRESS\",\"progressPercent\":50,"
                    + "\"clipKey\":\"\",\"failureReason\":\"\",\"sha256\":\"\",\"rejectedDownloads\":0}],\"status\":\"RUNNING\","
                    + "\"progressPercent\":50,\"pollAfterSeconds\":5,\"deadline\":\"2026-12-02T11:00:00Z\",\"spentUsd\":1.5,"
                    + "\"clipSeconds\":6.0}";
    private static final String NOT_REVIEWED = "{\"verdict\":\"none\",\"reason\":\"\",\"bestClipKey\":\"\","
            + "\"bestProviderJobId\":\"\",\"checks\":[],\"nextMode\":\"initial\",\"nextPrompt\":\"\",\"nextInstruction\":\"\","
            + "\"reportKey\":\"\"}";
    private static final String GIVE_UP =
            "{\"verdict\":\"give-up-accept\",\"reason\":\"no attempts left\",\"bestClipKey\":\"k\","
                    + "\"bestProviderJobId\":\"job_1\",\"checks\":[],\"nextMode\":\"none\",\"nextPrompt\":\"\",\"nextInstruction\":\"\","
                    + "\"reportKey\":\"r\"}";

    @Test
    void notStartedRound_writesTheWireFormTheAslReads() throws Exception {
        assertThat(JSON.writeValueAsString(RenderRound.notStarted())).isEqualTo(NOT_STARTED);
    }

    @Test
    void runningRound_readsAndWritesBackUnchanged() throws Exception {
        RenderRound round = JSON.readValue(RUNNING, RenderRound.class);

        assertThat(JSON.writeValueAsString(round)).isEqualTo(RUNNING);
    }

    @Test
    void notReviewed_writesTheWireFormTheAslReads() throws Exception {
        assertThat(JSON.writeValueAsString(ReviewOutcome.notReviewed())).isEqualTo(NOT_REVIEWED);
    }

    @Test
    void giveUpReview_readsAndWritesBackUnchanged() throws Exception {
        ReviewOutcome review = JSON.readValue(GIVE_UP, ReviewOutcome.class);

        assertThat(JSON.writeValueAsString(review)).isEqualTo(GIVE_UP);
    }

    @Test
    void ticketWrittenBeforeNativeAudioExisted_readsAsASoundModel_soItsAudioChecksStillRun() throws Exception {
        String before = "{\"jobId\":\"j\",\"tenant\":\"t\",\"clientRequestId\":\"c\",\"cacheKey\":\"k\","
                + "\"cacheHit\":false,\"provider\":\"luma\",\"model\":\"ray-3.2\",\"remixSupported\":true,"
                + "\"pricePerClipUsd\":1.0,\"estimatedCostUsd\":2.0,\"warnings\":[]}";

        assertThat(JSON.readValue(before, JobTicket.class).nativeAudio()).isTrue();
        assertThat(JSON.readValue(before.replace("\"warnings\"", "\"nativeAudio\":false,\"warnings\""), JobTicket.class)
                        .nativeAudio())
                .isFalse();
    }
}
