package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.Watermark;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramePainterTest {
    @ParameterizedTest
    @CsvSource({"720, 1280", "1280, 720", "854, 480", "270, 480", "360, 640", "1920, 1080"})
    void captionBox_staysAboveTheDisclosureLabelsCorner(int width, int height) {
        Stage stage = Stage.of(width, height, 24);
        BeatScene scene = ScenePlanner.plan(AnimaticSpecs.storyboard(), 3, 1).get(0);
        String longCaption = "the mug tips over the edge, falls under gravity onto the terracotta tile floor and shatters";
        BeatScene captioned = new BeatScene(scene.startSeconds(), scene.endSeconds(), scene.shotStartSeconds(), longCaption,
                scene.shape(), scene.motion(), scene.tips(), scene.shatters(), scene.pieces(), scene.material(), scene.impactSeconds(),
                scene.reboundSeconds(), scene.palette(), scene.subjectX(), scene.sizeFactor(), scene.panDirection(), scene.travelDirection());

        int[] box = new FramePainter(stage, List.of(captioned)).captionBox(captioned);

        int shorter = Math.min(width, height);
        Watermark label = Watermark.DEFAULT;
        int labelTop = height - (int) Math.round(shorter * label.marginFraction()) - (int) Math.ceil(shorter * label.heightFraction() * 1.5);
        assertThat(box[3]).as("caption bottom against the label's top (%d)", labelTop).isLessThanOrEqualTo(labelTop);
        assertThat(box[1]).as("caption top").isGreaterThan(height / 2);
        assertThat(box[0]).isGreaterThanOrEqualTo(0);
        assertThat(box[2]).isLessThanOrEqualTo(width);
    }
}
