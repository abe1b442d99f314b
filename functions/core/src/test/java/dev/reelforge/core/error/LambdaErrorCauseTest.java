package dev.reelforge.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LambdaErrorCauseTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void message_lambdaErrorDocument_isItsErrorMessage() {
        String cause =
                "{\"errorMessage\":\"prompt too long\",\"errorType\":\"x.InvalidRequestException\",\"stackTrace\":[\"at a\"]}";

        assertThat(LambdaErrorCause.message(json, cause)).isEqualTo("prompt too long");
    }

    @Test
    void message_plainTextOrOtherJson_isTheCauseItself() {
        assertThat(LambdaErrorCause.message(json, "States.Timeout after 900 s"))
                .isEqualTo("States.Timeout after 900 s");
        assertThat(LambdaErrorCause.message(json, "{\"reason\":\"x\"}")).isEqualTo("{\"reason\":\"x\"}");
    }

    @Test
    void message_null_isEmpty() {
        assertThat(LambdaErrorCause.message(json, null)).isEmpty();
    }
}
