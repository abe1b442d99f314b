package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subject that holds a liquid spills it into a puddle that spreads on the floor after the impact, in its colour. */
class SpillPictureTest {
    private static final Stage STAGE = Stage.of(640, 360, 12);
    private static final int COFFEE = 0x4A2C18;

    @Test
    void mugOfCoffee_spillsAPuddleThatSpreadsAfterTheImpact() {
        FramePainter painter = painter("A white mug of coffee on a table above a white marble floor.");

        int before = coffeePixelsOnTheFloor(painter, 1.95);
        int soon = coffeePixelsOnTheFloor(painter, 2.25);
        int later = coffeePixelsOnTheFloor(painter, 2.95);

        assertThat(before).as("no puddle before the impact at 2.0 s").isZero();
        assertThat(soon).as("the puddle right after it").isPositive();
        assertThat(later).as("the puddle has spread").isGreaterThan(soon * 3 / 2);
        assertThat(later)
                .as("a puddle, not a flood")
                .isLessThan(STAGE.width() * (STAGE.height() - (int) STAGE.floorY()) / 4);
    }

    @Test
    void mugWithNothingInIt_leavesNoPuddle() {
        assertThat(coffeePixelsOnTheFloor(painter("A white mug on a table above a white marble floor."), 2.95))
                .isZero();
    }

    private static FramePainter painter(String description) {
        Storyboard board = new Storyboard(
                description,
                List.of(new Beat(0, 1, "the mug rests on the table"), new Beat(1, 3, "the mug falls onto the floor")),
                List.of(new AudioCue(2.0, "ceramic impact")));
        List<BeatScene> uncaptioned = ScenePlanner.plan(board, 3, 4).stream()
                .map(scene -> new BeatScene(
                        scene.startSeconds(),
                        scene.endSeconds(),
                        scene.shotStartSeconds(),
                        "",
                        scene.shape(),
                        scene.motion(),
                        scene.tips(),
                        scene.shatters(),
                        scene.pieces(),
                        scene.material(),
                        scene.impactSeconds(),
                        scene.reboundSeconds(),
                        scene.palette(),
                        scene.subjectX(),
                        scene.sizeFactor(),
                        scene.panDirection(),
                        scene.travelDirection()))
                .toList();
        return new FramePainter(STAGE, uncaptioned);
    }

    private static int coffeePixelsOnTheFloor(FramePainter painter, double t) {
        Canvas canvas = new Canvas(STAGE.width(), STAGE.height());
        painter.paint(canvas, painter.sceneAt(t), t);
        int count = 0;
        for (int y = (int) STAGE.floorY() + 2; y < STAGE.height(); y++) {
            for (int x = 0; x < STAGE.width(); x++) {
                int i = (y * canvas.width + x) * 3;
                int r = canvas.rgb[i] & 0xff;
                int g = canvas.rgb[i + 1] & 0xff;
                int b = canvas.rgb[i + 2] & 0xff;
                if (Math.abs(r - (COFFEE >> 16)) < 40
                        && Math.abs(g - ((COFFEE >> 8) & 0xff)) < 40
                        && Math.abs(b - (COFFEE & 0xff)) < 40) {
                    count++;
                }
            }
        }
        return count;
    }
}
