package dev.reelforge.local.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.badinput.BadInputCorpus.BadRequest;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BadInputCorpusTest {
    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    @Test
    void isNamedIn_wholeDocumentProblem_namesDollar() {
        BadRequest request = new BadRequest("t", "{", Set.of("$"));

        assertThat(request.isNamedIn(
                        "invalid request: $: not valid JSON at line 1, column 2: Unexpected end-of-input", AS_IS))
                .isTrue();
    }

    @Test
    void isNamedIn_dollarOnlyInsideAnotherFieldsReason_isNotNamed() {
        BadRequest request = new BadRequest("t", "{", Set.of("$"));

        assertThat(request.isNamedIn(
                        "invalid request: defects[0]: does not match the regex pattern ^(blur|black)$", AS_IS))
                .isFalse();
        assertThat(request.isNamedIn("invalid request: prompt: 'costs $5' is not a beat", AS_IS))
                .isFalse();
    }

    @Test
    void isNamedIn_arrayElementOrLaterProblem_namesTheArrayField() {
        BadRequest request = new BadRequest("t", "{}", Set.of("defects"));

        assertThat(request.isNamedIn("rejected: invalid request: tenant: too long; defects[1]: does not match", AS_IS))
                .isTrue();
        assertThat(request.isNamedIn("invalid request: defectsPersist: must be a boolean", AS_IS))
                .isFalse();
    }

    @Test
    void isNamedIn_contentPolicyMessage_namesItsField() {
        BadRequest request = new BadRequest("t", "{}", Set.of("prompt"));

        assertThat(request.isNamedIn("prompt: names a real person ('Tom Hanks'); describe a fictional one", AS_IS))
                .isTrue();
    }

    @Test
    void isNamedIn_fieldPrintedEscaped_matchesThePrintedForm() {
        BadRequest request = new BadRequest("t", "{}", Set.of("\u001b[2J"));

        assertThat(request.isNamedIn(
                        "invalid request: \\u001b[2J: is not defined in the schema",
                        f -> f.replace("\u001b", "\\u001b")))
                .isTrue();
    }
}
