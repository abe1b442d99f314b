package dev.reelforge.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.CredentialsManifest.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsActionsTest {
    private static final MediaPlan.Origin ORIGIN =
            new MediaPlan.Origin("bedrock-async", "luma.ray-v2:0", "arn:job/1", "ab".repeat(32));
    private static final Rendition VERTICAL = new Rendition("9x16-720p", 720, 1280, Rendition.Fit.CROP);
    private static final Rendition SQUARE = new Rendition("1x1-720", 720, 720, Rendition.Fit.CROP);

    @Test
    void forRendition_defaultPlanAtSourceSize_isCreatedGradedPolishedLabelledAndEncoded() {
        List<Action> actions = actions(plan(List.of()), 720, 1280, true).forRendition(VERTICAL);

        assertThat(actions)
                .extracting(Action::action)
                .containsExactly(
                        Action.CREATED, Action.COLOR_ADJUSTMENTS, Action.FILTERED, Action.EDITED, Action.TRANSCODED);
        Action created = actions.get(0);
        assertThat(created.digitalSourceType()).isEqualTo(CredentialsManifest.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(created.softwareAgent()).isEqualTo("luma.ray-v2:0");
        assertThat(created.parameters())
                .containsEntry("provider", "bedrock-async")
                .containsEntry("providerJobId", "arn:job/1");
        assertThat(actions.get(1).parameters()).containsEntry("saturation", "0.92");
        assertThat(actions.get(3).description()).contains("AI-GENERATED");
        assertThat(actions.subList(1, actions.size()))
                .allMatch(a -> a.softwareAgent().equals("Reelforge 1.2.3"));
    }

    @Test
    void forRendition_squareFromVerticalSource_isCroppedAndResized() {
        List<Action> actions = actions(plan(List.of()), 720, 1280, false).forRendition(SQUARE);

        assertThat(actions)
                .extracting(Action::action)
                .containsExactly(
                        Action.CREATED,
                        Action.COLOR_ADJUSTMENTS,
                        Action.CROPPED,
                        Action.RESIZED,
                        Action.EDITED,
                        Action.TRANSCODED);
        assertThat(actions.get(3).parameters()).containsEntry("width", "720").containsEntry("height", "720");
    }

    @Test
    void forRendition_stitchedShots_namesTheCrossfades() {
        List<Action> actions = actions(plan(List.of("clips/a.mp4", "clips/b.mp4", "clips/c.mp4")), 720, 1280, true)
                .forRendition(VERTICAL);

        assertThat(actions.get(1).action()).isEqualTo(Action.EDITED);
        assertThat(actions.get(1).description()).isEqualTo("3 shot clips joined with 0.5 s crossfades");
    }

    @Test
    void forStill_thumbnailOfTheFirstRendition_addsItsResizeAndJpegEncodeAndNoSoundAction() {
        List<Action> actions = actions(plan(List.of()), 720, 1280, true).forStill(VERTICAL, 270, 480);

        assertThat(actions.subList(actions.size() - 2, actions.size()))
                .extracting(Action::action)
                .containsExactly(Action.RESIZED, Action.TRANSCODED);
        assertThat(actions.get(actions.size() - 1).description()).contains("JPEG");
        assertThat(actions).extracting(Action::action).doesNotContain(Action.FILTERED);
    }

    private static CredentialsActions actions(MediaPlan plan, int width, int height, boolean audio) {
        return new CredentialsActions(plan, "1.2.3", width, height, audio, "libopenh264");
    }

    private static MediaPlan plan(List<String> beats) {
        return new MediaPlan(
                "job-1",
                "demo",
                "clips/demo/job-1/1/primary.mp4",
                "outputs/demo/job-1/",
                List.of(VERTICAL, SQUARE),
                true,
                beats,
                MediaPlan.DEFAULT_CROSSFADE_SECONDS,
                Grade.DEFAULT,
                AudioPolish.DEFAULT,
                Watermark.DEFAULT,
                ORIGIN);
    }
}
