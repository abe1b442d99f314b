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

        assertThat(bottom(scene, 2.0)).isCloseTo(STAGE.floorY(), within(0.5));
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
    void at_shatteringSubject_breaksIntoTheStatedPiecesThatScatterAndSettleOnTheFloor() {
        BeatScene scene = scene(Motion.FALL, true, 2.0);
        SubjectTrajectory trajectory = SubjectTrajectory.of(scene, STAGE);

        assertThat(trajectory.at(1.9).parts()).hasSize(1);
        assertThat(trajectory.at(1.9).shards()).isEmpty();
        List<SubjectTrajectory.Shard> scattered = trajectory.at(2.5).shards();
        List<SubjectTrajectory.Shard> settled = trajectory.at(6.0).shards();
        List<SubjectTrajectory.Shard> later = trajectory.at(6.5).shards();

        assertThat(trajectory.at(2.5).parts()).isEmpty();
        assertThat(scattered).hasSize(3);
        double spread = settled.stream()
                        .mapToDouble(SubjectTrajectory.Shard::x)
                        .max()
                        .orElseThrow()
                - settled.stream().mapToDouble(SubjectTrajectory.Shard::x).min().orElseThrow();
        assertThat(spread).as("the pieces skid apart").isGreaterThan(0.1 * STAGE.shortSide());
        for (int i = 0; i < settled.size(); i++) {
            assertThat(settled.get(i).y())
                    .as("piece %d rests on the floor", i)
                    .isBetween(STAGE.floorY() - 0.12 * STAGE.shortSide(), STAGE.floorY());
            assertThat(later.get(i).x())
                    .as("piece %d has come to rest", i)
                    .isCloseTo(settled.get(i).x(), within(0.5));
        }
    }

    @Test
    void at_bounceWithACuedSecondImpact_landsAgainOnThatCue() {
        BeatScene cued = new BeatScene(
                0.0,
                3.0,
                0.0,
                "x",
                SubjectShape.BALL,
                Motion.FALL,
                false,
                false,
                3,
                Material.RUBBER,
                1.2,
                0.5,
                scene(Motion.FALL, false, 1.2).palette(),
                0.5,
                1.0,
                0,
                1);

        assertThat(bottom(cued, 1.2 + 0.25)).isLessThan(STAGE.floorY() - 0.05 * STAGE.shortSide());
        assertThat(bottom(cued, 1.7)).isCloseTo(STAGE.floorY(), within(0.5));
        assertThat(bottom(cued, 1.7 - 0.05)).isLessThan(STAGE.floorY() - 1);
    }

    @Test
    void at_slidingSubject_staysOnTheFloorAndMoves() {
        BeatScene scene = scene(Motion.SLIDE, false, 2.0);

        assertThat(bottom(scene, 1.5)).isEqualTo(STAGE.floorY());
        assertThat(SubjectTrajectory.at(scene, STAGE, 1.1).parts().get(0).x())
                .isNotEqualTo(
                        SubjectTrajectory.at(scene, STAGE, 2.9).parts().get(0).x());
    }

    private static double bottom(BeatScene scene, double t) {
        return SubjectTrajectory.at(scene, STAGE, t).parts().get(0).bottomY();
    }

    private static BeatScene scene(Motion motion, boolean shatters, double impact) {
        BeatScene.Palette palette =
                new BeatScene.Palette(0.2, 0xEEEEEE, 0xAAAAAA, 0x665544, 0xCC3333, 0.12, 0x9A6B41, -1);
        return new BeatScene(
                1.0,
                3.0,
                1.0,
                "x",
                SubjectShape.MUG,
                motion,
                false,
                shatters,
                3,
                Material.CERAMIC,
                impact,
                Double.NaN,
                palette,
                0.5,
                1.0,
                1,
                1);
    }
}
