package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.Watermark;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramePainterTest {
    @ParameterizedTest
    @CsvSource({"720, 1280", "1280, 720", "854, 480", "270, 480", "360, 640", "1920, 1080"})
    void captionBox_staysAboveTheDisclosureLabelsCorner(int width, int height) {
        Stage stage = Stage.of(width, height, 24);
        BeatScene scene = ScenePlanner.plan(AnimaticSpecs.storyboard(), 3, 1).get(0);
        String longCaption =
                "the mug tips over the edge, falls under gravity onto the terracotta tile floor and shatters";
        BeatScene captioned = new BeatScene(
                scene.startSeconds(),
                scene.endSeconds(),
                scene.shotStartSeconds(),
                longCaption,
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
                scene.travelDirection());

        int[] box = new FramePainter(stage, List.of(captioned)).captionBox(captioned);

        int shorter = Math.min(width, height);
        Watermark label = Watermark.DEFAULT;
        int labelTop = height
                - (int) Math.round(shorter * label.marginFraction())
                - (int) Math.ceil(shorter * label.heightFraction() * 1.5);
        assertThat(box[3])
                .as("caption bottom against the label's top (%d)", labelTop)
                .isLessThanOrEqualTo(labelTop);
        assertThat(box[1]).as("caption top").isGreaterThan(height / 2);
        assertThat(box[0]).isGreaterThanOrEqualTo(0);
        assertThat(box[2]).isLessThanOrEqualTo(width);
    }

    @Test
    void paint_aRollBeforeAFallInTheSameShot_rollsAlongTheLedgeToWhereTheFallStarts() {
        Stage stage = Stage.of(640, 360, 24);
        Storyboard board = new Storyboard(
                "A yellow ball on a pine shelf, locked-off camera.",
                List.of(
                        new Beat(0, 2, "the ball rolls along the shelf"),
                        new Beat(2, 4, "it rolls off the edge and falls to the floor")),
                List.of(new AudioCue(3.0, "rubber thud")));
        FramePainter painter = new FramePainter(stage, ScenePlanner.plan(board, 4, 2));

        double start = yellowCentreX(painter, stage, 0.1);
        double midway = yellowCentreX(painter, stage, 0.8);
        double beforeTheFallBeat = yellowCentreX(painter, stage, 1.95);
        double inTheFallBeat = yellowCentreX(painter, stage, 2.05);

        assertThat(midway).as("the ball rolls").isGreaterThan(start + 5);
        assertThat(beforeTheFallBeat).isGreaterThan(midway);
        assertThat(inTheFallBeat).as("no jump into the fall's beat").isCloseTo(beforeTheFallBeat, within(2.0));
    }

    private static double yellowCentreX(FramePainter painter, Stage stage, double t) {
        Canvas canvas = new Canvas(stage.width(), stage.height());
        painter.paint(canvas, painter.sceneAt(t), t);
        double sum = 0;
        int count = 0;
        for (int y = 0; y < stage.floorY(); y++) {
            for (int x = 0; x < stage.width(); x++) {
                int i = (y * stage.width() + x) * 3;
                int r = canvas.rgb[i] & 0xff;
                int g = canvas.rgb[i + 1] & 0xff;
                int b = canvas.rgb[i + 2] & 0xff;
                if (r > 170 && g > 140 && b < 90) {
                    sum += x;
                    count++;
                }
            }
        }
        assertThat(count).as("yellow pixels at %.2f s", t).isPositive();
        return sum / count;
    }
}
