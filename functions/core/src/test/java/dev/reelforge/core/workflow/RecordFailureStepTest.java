package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class RecordFailureStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reason_longMessageCutThroughAnEmoji_isBoundedAndWellFormed() {
        String message = "x".repeat(1999) + "😀 and more";
        var error = JSON.createObjectNode()
                .put("Error", "dev.reelforge.core.error.InvalidRequestException")
                .put(
                        "Cause",
                        JSON.createObjectNode().put("errorMessage", message).toString());

        String reason = new RecordFailureStep(null, JSON, Clock.systemUTC()).reason(error);

        assertThat(reason).hasSize(2000).endsWith("x?");
        assertThat(new String(reason.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(reason);
    }
}
