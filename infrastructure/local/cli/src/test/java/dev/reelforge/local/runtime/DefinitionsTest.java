package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.local.engine.StateMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionsTest {
    @Test
    void load_isTheDeployedFileByteForByte() throws IOException {
        assertThat(Definitions.load("render.asl.json"))
                .isEqualTo(Files.readString(Path.of("../../statemachine/render.asl.json")));
    }

    @Test
    void substitute_localValues_leaveNoVariableAndParse() {
        String definition =
                Definitions.substitute(Definitions.load("render.asl.json"), Definitions.localSubstitutions());

        assertThat(definition).doesNotContain("${");
        assertThat(StateMachine.parse(definition).startAt()).isEqualTo("Validate");
    }

    @Test
    void substitute_missingValue_failsNamingIt() {
        assertThatThrownBy(() -> Definitions.substitute("{\"Resource\":\"${Nope}\"}", Map.of()))
                .hasMessageContaining("${Nope}");
    }
}
