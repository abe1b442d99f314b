package dev.reelforge.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.request.RequestParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvalidRequestExceptionTest {
    @Test
    void problem_loneSurrogateInMessage_becomesAQuestionMark() {
        InvalidRequestException.Problem problem =
                new InvalidRequestException.Problem("prompt\ud800", "half an emoji: \ud83c");

        assertThat(problem.field()).isEqualTo("prompt?");
        assertThat(problem.message()).isEqualTo("half an emoji: ?");
    }

    @Test
    void parse_textStartingWithAFlagEmoji_rejectsWithAMessageUtf8CanCarry() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> new RequestParser(new ObjectMapper()).parse(" 🇺🇳x"));

        assertThat(thrown).isInstanceOf(InvalidRequestException.class).hasMessageContaining("$: not valid JSON");
        String message = thrown.getMessage();
        assertThat(new String(message.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(message);
    }
}
