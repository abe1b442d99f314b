package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.review.checks.ReviewThresholds;
import org.junit.jupiter.api.Test;

class ReviewSettingsParsingTest {
    private static final String BASE =
            "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\"";
    private final RequestParser parser = new RequestParser(new ObjectMapper());

    @Test
    void parse_noReviewObject_usesDefaultThresholdsAndNonPersistentDefects() {
        RenderRequest request = parser.parse(BASE + "}");

        assertThat(request.reviewThresholds()).isEqualTo(ReviewThresholds.defaults());
        assertThat(request.defectsPersist()).isFalse();
    }

    @Test
    void parse_thresholdOverrides_replaceOnlyTheNamedOnes() {
        RenderRequest request = parser.parse(
                BASE + ",\"defectsPersist\":true,\"review\":{\"thresholds\":{\"blur\":6.5,\"avSyncMs\":120}}}");

        assertThat(request.reviewThresholds().blur()).isEqualTo(6.5);
        assertThat(request.reviewThresholds().avSyncMs()).isEqualTo(120);
        assertThat(request.reviewThresholds().flicker())
                .isEqualTo(ReviewThresholds.defaults().flicker());
        assertThat(request.defectsPersist()).isTrue();
    }

    @Test
    void parse_unknownThreshold_isRejectedWithItsPath() {
        assertThatThrownBy(() -> parser.parse(BASE + ",\"review\":{\"thresholds\":{\"sharpness\":1}}}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("review.thresholds.sharpness");
    }
}
