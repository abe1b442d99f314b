package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShotStructureTest {
    @Test
    void of_newTextureFromAFrameOn_isACut() {
        SyntheticClip clip = new SyntheticClip(4, 3).cut(2.0);

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).containsExactly(clip.frame(2.0));
        assertThat(shots.lookJumps()).isEmpty();
    }

    @Test
    void of_gainFlickerEveryOtherFrame_isNeitherACutNorALookJump() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        for (int i = 10; i < clip.n; i += 2) {
            double before = clip.luma[i];
            clip.luma[i] = 16 + 1.25 * (before - 16);
            clip.motion[i] = clip.luma[i] - before;
            clip.motion[i + 1] = clip.luma[i] - before;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).isEmpty();
        assertThat(shots.lookJumps()).isEmpty();
    }

    @Test
    void of_paletteTurnsAndStaysTurnedWithTheSameEdges_isALookJumpNotACut() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        int at = clip.frame(2.0);
        for (int i = at; i < clip.n; i++) {
            clip.u[i] = 142;
            clip.v[i] = 116;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).isEmpty();
        assertThat(shots.lookJumps()).containsExactly(at);
    }

    @Test
    void of_oneFrameFlashOfAnotherPicture_isNoCut() {
        SyntheticClip clip = new SyntheticClip(4, 3).cut(2.0).cut(2.0 + 1 / SyntheticClip.FPS);
        for (int i = clip.frame(2.0) + 1; i < clip.n; i++) {
            clip.shot[i] = 0;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).isEmpty();
    }

    @Test
    void of_cutFromAStillSceneIntoABusyOneInAnotherPalette_isACut() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        int at = clip.frame(2.0);
        for (int i = at; i < clip.n; i++) {
            clip.shot[i] = 1 + (i - at);
            clip.u[i] = 150;
            clip.v[i] = 100;
            clip.luma[i] = 90;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).containsExactly(at);
    }

    @Test
    void of_relightWithinABusyShot_isNoCut() {
        SyntheticClip clip = new SyntheticClip(4, 3);
        for (int i = 0; i < clip.n; i++) {
            clip.shot[i] = i % 2 == 0 ? 0 : i;
        }
        for (int i = clip.frame(2.0); i < clip.n; i++) {
            clip.luma[i] = 150;
        }

        ShotStructure shots = ShotStructure.of(clip.metrics());

        assertThat(shots.cuts()).isEmpty();
    }
}
