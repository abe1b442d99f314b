package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefectTest {
    @Test
    void parse_nameOnly_usesDefaultStrength() {
        assertThat(Defect.parse("flicker")).isEqualTo(new Defect(Defect.Kind.FLICKER, 0.5));
    }

    @Test
    void parse_nameAndStrength_readsStrength() {
        assertThat(Defect.parse(" Blur:0.8 ")).isEqualTo(new Defect(Defect.Kind.BLUR, 0.8));
    }

    @Test
    void parse_negativeAudioOffset_readsMilliseconds() {
        assertThat(DefectSet.parse(List.of("audio-offset:-120")).audioOffsetSeconds())
                .isEqualTo(-0.12);
    }

    @Test
    void parse_unknownName_throwsNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> Defect.parse("wobble:0.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wobble")
                .hasMessageContaining("audio-offset");
    }

    @Test
    void parse_strengthOutOfRange_throws() {
        assertThatThrownBy(() -> Defect.parse("black:1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("black");
    }

    @Test
    void parse_audioOffsetWithoutValue_throwsWithExample() {
        assertThatThrownBy(() -> Defect.parse("audio-offset")).hasMessageContaining("audio-offset:200");
    }
}
