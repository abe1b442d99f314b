package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audio checks of a clip from a model that renders no sound are not applicable, and say why. */
class SoundtrackChecksTest {
    private static final Storyboard STORYBOARD = new Storyboard(
            "A mug falls",
            List.of(
                    new Beat(0, 1.5, "A mug sits on a table"),
                    new Beat(1.5, 4, "Cut to a close-up: the mug tips and falls to the floor")),
            List.of(new AudioCue(3.0, "ceramic impact"), new AudioCue(3.5, "she says 'oh no'")));
    private static final RenderSettings SETTINGS =
            new RenderSettings(AspectRatio.PORTRAIT_9_16, 4, Resolution.R360P, 24, 1, "");

    /** The picture of a clean clip, without an audio stream, as a silent model delivers it. */
    private static SyntheticClip silentClip() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5);
        clip.audio = false;
        return clip;
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void evaluate_silentModelWithTimedCues_audioChecksNotApplicableNamingModelAndCapability() {
        List<Check> checks = ClipChecks.evaluate(
                silentClip().metrics(),
                SETTINGS,
                STORYBOARD,
                ReviewThresholds.defaults(),
                Soundtrack.silent("luma/ray-3.2"));

        assertThat(checks).extracting(Check::name).containsExactlyElementsOf(ClipChecks.NAMES);
        assertThat(checks).filteredOn(c -> !c.passed()).isEmpty();
        for (String name : Soundtrack.AUDIO_CHECKS) {
            Check check = named(checks, name);
            assertThat(check.applicable()).as(name).isFalse();
            assertThat(check.detail())
                    .as(name)
                    .contains("luma/ray-3.2 renders no audio (nativeAudio: false)")
                    .contains("2 timed audio cue(s)");
        }
        assertThat(named(checks, "conformance").detail()).contains("no audio");
    }

    @Test
    void evaluate_sameSilentClipFromModelWithSound_failsConformanceAudioCuesAndDialogue() {
        List<Check> checks = ClipChecks.evaluate(
                silentClip().metrics(), SETTINGS, STORYBOARD, ReviewThresholds.defaults(), Soundtrack.expected());

        assertThat(checks.stream().filter(c -> !c.passed()).map(Check::name))
                .containsExactly("conformance", "audio-cues", "dialogue");
        assertThat(named(checks, "conformance").detail()).contains("no audio stream");
    }

    @Test
    void evaluate_silentModelWhoseFileStillCarriesATrack_doesNotMeasureIt() {
        SyntheticClip clip = silentClip();
        clip.audio = true;
        List<Check> checks = ClipChecks.evaluate(
                clip.metrics(), SETTINGS, STORYBOARD, ReviewThresholds.defaults(), Soundtrack.silent("m/x"));

        assertThat(Soundtrack.AUDIO_CHECKS)
                .allSatisfy(name -> assertThat(named(checks, name).applicable()).isFalse());
        assertThat(checks).filteredOn(c -> !c.passed()).isEmpty();
    }

    @Test
    void of_readsNativeAudioFromTheCapabilityData() {
        ModelCapabilities silent = new ModelCapabilities(
                "luma",
                "ray-3.2",
                false,
                List.of("16:9"),
                List.of("720p"),
                5,
                10,
                1,
                false,
                0.1,
                ModelCapabilities.Lifecycle.ACTIVE,
                null);

        assertThat(Soundtrack.of(silent)).isEqualTo(Soundtrack.silent("luma/ray-3.2"));
        assertThat(Soundtrack.expected().rendered()).isTrue();
    }
}
