package dev.reelforge.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionSetTest {
    @Test
    void renditions_platform_areTheThree1080Frames() {
        assertThat(RenditionSet.PLATFORM_1080.renditions("9x16-720p", 720, 1280))
                .extracting(r -> r.name() + " " + r.width() + "x" + r.height() + " " + r.fit())
                .containsExactly("9x16-1080 1080x1920 CROP", "16x9-1080 1920x1080 CROP", "1x1-1080 1080x1080 CROP");
    }

    @Test
    void renditions_sourceSize_areTheNativeFrameAndASquareAtItsShortSide() {
        assertThat(RenditionSet.SOURCE_SIZE.renditions("9x16-720p", 720, 1280))
                .extracting(r -> r.name() + " " + r.width() + "x" + r.height())
                .containsExactly("9x16-720p 720x1280", "1x1-720 720x720");
    }

    @Test
    void mediaPlan_missingNewerFields_takesTheDefaults() {
        MediaPlan plan = new MediaPlan(
                "j", "t", "clips/t/j/1/0.mp4", "outputs/t/j/", List.of(), true, null, 0, null, null, null, null);

        assertThat(plan.inputKeys()).containsExactly("clips/t/j/1/0.mp4");
        assertThat(plan.crossfadeSeconds()).isEqualTo(MediaPlan.DEFAULT_CROSSFADE_SECONDS);
        assertThat(plan.grade().saturation()).isLessThan(1);
        assertThat(plan.audio().targetLufs()).isEqualTo(-14);
        assertThat(plan.audio().noiseReductionDb()).isEqualTo(12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.watermark().label()).isEqualTo("AI-generated");
    }
}
