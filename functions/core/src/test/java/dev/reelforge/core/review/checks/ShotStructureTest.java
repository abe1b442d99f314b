package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShotStructureTest {
    @Test
    void of_brightnessJumpThatAlsoTurnsTheColour_isACut() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        int at = clip.frame(2.0);
        for (int i = at; i < clip.n; i++) {
            clip.luma[i] += 21;
            clip.u[i] = 150;
            clip.v[i] = 110;
        }
        clip.motion[at] = 23;

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).containsExactly(at);
    }

    @Test
    void of_gainFlickerThatScalesTheColourWithTheLuma_isNoCut() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        for (int i = 0; i < clip.n; i++) {
            clip.u[i] = 140;
            clip.v[i] = 120;
        }
        for (int i = 10; i < clip.n; i += 2) {
            double gain = 1.25;
            double before = clip.luma[i];
            clip.luma[i] = 16 + gain * (before - 16);
            clip.u[i] = 128 + gain * (clip.u[i] - 128);
            clip.v[i] = 128 + gain * (clip.v[i] - 128);
            clip.motion[i] = clip.luma[i] - before;
            clip.motion[i + 1] = clip.luma[i] - before;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).isEmpty();
    }

    @Test
    void colourShiftBeyondGain_pureGain_isZero_andAHueTurn_isLarge() {
        SyntheticClip clip = new SyntheticClip(1, 3);
        clip.luma[0] = 116;
        clip.u[0] = 138;
        clip.v[0] = 118;
        clip.luma[1] = 136;
        clip.u[1] = 140;
        clip.v[1] = 116;
        clip.luma[2] = 136;
        clip.u[2] = 116;
        clip.v[2] = 140;

        assertThat(ShotStructure.colourShiftBeyondGain(clip.metrics(), 1)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ShotStructure.colourShiftBeyondGain(clip.metrics(), 2)).isEqualTo(48);
    }
}
