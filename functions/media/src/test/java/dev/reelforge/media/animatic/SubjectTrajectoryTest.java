package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTrajectoryTest {
    private static final Stage STAGE = Stage.of(360, 640, 12);

    @Test
    void at_fallingSubject_touchesFloorExactlyAtImpactAndIsAboveItBefore() {
        BeatScene scene = scene(Motion.FALL, false, 2.0);

        assertThat(bottom(scene, 2.0)).isCloseTo(STAGE.floorY(), within(1e-6));
        assertThat(bottom(scene, 1.99)).isLessThan(STAGE.floorY() - 1);
        assertThat(bottom(scene, 1.5)).isLessThan(bottom(scene, 1.9));
    }

    @Test
    void at_fallingSubject_acceleratesUnderStageGravity() {
        BeatScene scene = scene(Motion.FALL, false, 2.0);
        double dt = 0.01;

        double acceleration = (bottom(scene, 1.98) - 2 * bottom(scene, 1.97) + bottom(scene, 1.96)) / (dt * dt);

        assertThat(acceleration).isCloseTo(STAGE.gravity(), within(STAGE.gravity() * 1e-6));
    }

    @Test
    void at_afterImpact_bouncesLowerThanTheDropAndSettlesOnTheFloor() {
        BeatScene scene = scene(Motion.FALL, false, 2.0);
        double ledge = SubjectTrajectory.at(scene, STAGE, 1.0).ledgeY();
        double highestBounce = STAGE.floorY();
        for (double t = 2.0; t < 2.6; t += 0.005) {
            highestBounce = Math.min(highestBounce, bottom(scene, t));
        }

        assertThat(highestBounce).isLessThan(STAGE.floorY()).isGreaterThan(ledge);
        assertThat(bottom(scene, 2.99)).isCloseTo(STAGE.floorY(), within(1e-6));
    }

    @Test
    void at_shatteringSubject_splitsIntoThreePiecesAfterImpact() {
        BeatScene scene = scene(Motion.FALL, true, 2.0);

        assertThat(SubjectTrajectory.at(scene, STAGE, 1.9).parts()).hasSize(1);
        List<SubjectTrajectory.Part> pieces = SubjectTrajectory.at(scene, STAGE, 2.5).parts();
        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(0).x()).isLessThan(pieces.get(2).x());
    }

    @Test
    void at_slidingSubject_staysOnTheFloorAndMoves() {
        BeatScene scene = scene(Motion.SLIDE, false, 2.0);

        assertThat(bottom(scene, 1.5)).isEqualTo(STAGE.floorY());
        assertThat(SubjectTrajectory.at(scene, STAGE, 1.1).parts().get(0).x())
                .isNotEqualTo(SubjectTrajectory.at(scene, STAGE, 2.9).parts().get(0).x());
    }

    private static double bottom(BeatScene scene, double t) {
        return SubjectTrajectory.at(scene, STAGE, t).parts().get(0).bottomY();
    }

    private static BeatScene scene(Motion motion, boolean shatters, double impact) {
        BeatScene.Palette palette = new BeatScene.Palette(0.2, 0xEEEEEE, 0xAAAAAA, 0x665544, 0xCC3333, 0.12);
        return new BeatScene(1.0, 3.0, 1.0, "x", SubjectShape.MUG, motion, false, shatters, impact, palette, 0.5, 1.0, 1);
    }
}
