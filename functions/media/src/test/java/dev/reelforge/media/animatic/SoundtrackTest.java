package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoundtrackTest {
    @Test
    void render_cue_thumpStartsOnTheCueSample() {
        short[] pcm = Soundtrack.render(1.0, List.of(0.5), 0, 1);
        short[] bed = Soundtrack.render(1.0, List.of(), 0, 1);

        int cue = 24_000;
        assertThat(pcm[2 * (cue - 1)]).isEqualTo(bed[2 * (cue - 1)]);
        assertThat(pcm[2 * cue]).isNotEqualTo(bed[2 * cue]);
    }

    @Test
    void render_negativeOffset_movesThumpEarlier() {
        short[] pcm = Soundtrack.render(1.0, List.of(0.5), -0.1, 1);
        short[] bed = Soundtrack.render(1.0, List.of(), 0, 1);

        assertThat(pcm[2 * 19_199]).isEqualTo(bed[2 * 19_199]);
        assertThat(pcm[2 * 19_200]).isNotEqualTo(bed[2 * 19_200]);
    }

    @Test
    void render_bed_isAboutMinus35DbfsRms() {
        short[] bed = Soundtrack.render(2.0, List.of(), 0, 9);
        double energy = 0;
        for (short s : bed) {
            energy += (s / 32768.0) * (s / 32768.0);
        }

        assertThat(20 * Math.log10(Math.sqrt(energy / bed.length))).isCloseTo(-35, within(0.5));
    }

    @Test
    void render_length_isExactlyTheDurationInSamples() {
        assertThat(Soundtrack.render(2.5, List.of(), 0, 1)).hasSize(2 * 120_000);
    }
}
