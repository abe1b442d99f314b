package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.media.ClipMetrics.Interval;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipChecksTest {
    private static final Storyboard STORYBOARD = new Storyboard(
            "A mug falls",
            List.of(
                    new Beat(0, 1.5, "A mug sits on a table"),
                    new Beat(1.5, 4, "Cut to a close-up: the mug tips and falls to the floor")),
            List.of(new AudioCue(3.0, "ceramic impact")));
    private static final RenderSettings SETTINGS =
            new RenderSettings(AspectRatio.PORTRAIT_9_16, 4, Resolution.R360P, 24, 1, "");

    private static SyntheticClip clean() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5);
        clip.onsets.add(3.0);
        return clip;
    }

    private static List<Check> evaluate(SyntheticClip clip) {
        return ClipChecks.evaluate(clip.metrics(), SETTINGS, STORYBOARD, ReviewThresholds.defaults());
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> failed(List<Check> checks) {
        return checks.stream().filter(c -> !c.passed()).map(Check::name).toList();
    }

    @Test
    void evaluate_cleanClipWithCutAtShotBoundary_everyCheckPasses() {
        List<Check> checks = evaluate(clean());
        assertThat(checks).extracting(Check::name).containsExactlyElementsOf(ClipChecks.NAMES);
        assertThat(failed(checks)).isEmpty();
    }

    @Test
    void evaluate_brightnessJumpsEveryOtherFrame_failsFlickerOnly() {
        SyntheticClip clip = clean();
        for (int i = 0; i < clip.n; i++) {
            clip.luma[i] *= i % 2 == 0 ? 1.15 : 0.85;
        }
        for (int i = 1; i < clip.n; i++) {
            clip.motion[i] += Math.abs(clip.luma[i] - clip.luma[i - 1]);
        }
        Check flicker = named(evaluate(clip), "flicker");
        assertThat(flicker.passed()).isFalse();
        assertThat(flicker.value()).isGreaterThan(10);
        assertThat(flicker.suggestedFix()).contains("flicker");
    }

    @Test
    void evaluate_cutInsideBeat_failsUnexpectedCutWithItsTime() {
        Check cut = named(evaluate(clean().cut(2.25)), "unexpected-cut");
        assertThat(cut.passed()).isFalse();
        assertThat(cut.detail()).contains("2.25 s");
    }

    @Test
    void evaluate_cutTwoFramesFromBoundary_isExpected() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5 + 2 / SyntheticClip.FPS);
        clip.onsets.add(3.0);
        assertThat(named(evaluate(clip), "unexpected-cut").passed()).isTrue();
    }

    @Test
    void evaluate_frozenForOneSecond_failsFrozen_butFreezeInsideBlackDoesNot() {
        SyntheticClip frozen = clean().freeze(0.2, 1.2);
        assertThat(named(evaluate(frozen), "frozen").passed()).isFalse();

        SyntheticClip black = clean();
        black.black.add(new Interval(0.2, 1.2));
        black.frozen.add(new Interval(0.2, 1.2));
        List<Check> checks = evaluate(black);
        assertThat(named(checks, "frozen").passed()).isTrue();
        assertThat(named(checks, "black").passed()).isFalse();
        assertThat(named(checks, "black").value()).isEqualTo(1.0);
    }

    @Test
    void evaluate_stillLifeHeldForOneSecond_passesFrozen() {
        SyntheticClip still = clean().stillLife(0.2, 1.2);

        Check frozen = named(evaluate(still), "frozen");

        assertThat(frozen.passed()).as(frozen.detail()).isTrue();
        assertThat(frozen.value()).isZero();
    }

    @Test
    void evaluate_soundFiveFramesAfterCue_failsAudioCuesAndAvSync() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5);
        clip.onsets.add(3.0 + 5 / SyntheticClip.FPS);
        List<Check> checks = evaluate(clip);
        assertThat(failed(checks)).containsExactlyInAnyOrder("audio-cues", "av-sync");
        assertThat(named(checks, "av-sync").detail()).contains("lags");
        assertThat(named(checks, "av-sync").value()).isBetween(150.0, 260.0);
    }

    @Test
    void evaluate_debrisSoundAfterTheImpact_doesNotCountAsDesync() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5);
        clip.onsets.add(3.0);
        clip.onsets.add(3.4);
        Check sync = named(
                ClipChecks.evaluate(clip.metrics(), SETTINGS, STORYBOARD, ReviewThresholds.defaults()), "av-sync");
        assertThat(sync.passed()).as(sync.detail()).isTrue();
        assertThat(sync.detail()).contains("median of 1");
    }

    @Test
    void evaluate_landingThenAnEquallyTallBounce_pairsTheSoundWithTheLanding() {
        SyntheticClip clip = clean().bounce(3.0, 3.3, 1.01);

        Check sync = named(evaluate(clip), "av-sync");

        assertThat(sync.passed()).as(sync.detail()).isTrue();
        assertThat(sync.value()).isLessThan(60);
    }

    @Test
    void evaluate_soundTwoFramesOff_withinCueTolerance() {
        SyntheticClip clip = new SyntheticClip(4, 7).impact(3.0).cut(1.5);
        clip.onsets.add(3.0 + 2 / SyntheticClip.FPS);
        assertThat(named(evaluate(clip), "audio-cues").passed()).isTrue();
    }

    @Test
    void evaluate_noMotionWhereBeatSaysFalls_failsMotion() {
        SyntheticClip clip = new SyntheticClip(4, 7).cut(1.5);
        for (int i = clip.frame(1.5) + 2; i < clip.n; i++) {
            clip.motion[i] = 0.05;
        }
        clip.onsets.add(3.0);
        Check motion = named(evaluate(clip), "motion");
        assertThat(motion.passed()).isFalse();
        assertThat(motion.detail()).contains("says something moves");
    }

    @Test
    void evaluate_softAndBlockyPictures_failTheirChecks() {
        SyntheticClip soft = clean();
        for (int i = 0; i < soft.n; i += 3) {
            soft.blur[i] = 11;
        }
        assertThat(failed(evaluate(soft))).containsExactly("blur");

        SyntheticClip goesSoft = clean();
        for (int i = goesSoft.frame(2.0); i < goesSoft.n; i += 3) {
            goesSoft.blur[i] = 9.8;
        }
        assertThat(failed(evaluate(goesSoft))).containsExactly("blur");

        SyntheticClip blocky = clean();
        for (int i = 0; i < blocky.n; i += 4) {
            blocky.block[i] = 8;
        }
        assertThat(failed(evaluate(blocky))).containsExactly("blockiness");
    }

    @Test
    void evaluate_brightnessRampInsideShot_failsColourDrift() {
        SyntheticClip clip = clean();
        for (int i = clip.frame(1.6); i < clip.n; i++) {
            clip.luma[i] += (i - clip.frame(1.6)) * 0.5;
        }
        assertThat(named(evaluate(clip), "colour-drift").passed()).isFalse();
    }

    @Test
    void withOverrides_looserBlurThreshold_passesTheSoftClip() {
        SyntheticClip soft = clean();
        for (int i = 0; i < soft.n; i += 3) {
            soft.blur[i] = 11;
        }
        ReviewThresholds loose = ReviewThresholds.withOverrides(Map.of("blur", 11.5));
        assertThat(ClipChecks.evaluate(soft.metrics(), SETTINGS, STORYBOARD, loose))
                .allMatch(Check::passed);
        assertThatThrownBy(() -> ReviewThresholds.withOverrides(Map.of("sharpness", 1.0)))
                .hasMessageContaining("unknown review threshold 'sharpness'");
    }

    @Test
    void evaluate_lockedOffShotWhosePaletteChangesAtEveryBeat_failsContinuityAndUnexpectedCut() {
        Storyboard lockedOff = new Storyboard(
                "A white mug on a wooden table. Camera: locked-off tripod, no movement.",
                List.of(
                        new Beat(0, 1.5, "the mug rests near the table edge"),
                        new Beat(1.5, 3, "the mug tips over the edge"),
                        new Beat(3, 4, "it shatters into three pieces")),
                List.of());
        SyntheticClip clip = new SyntheticClip(4, 7).cut(1.5).cut(3.0);
        for (int i = 0; i < clip.n; i++) {
            boolean pink = i >= clip.frame(1.5) && i < clip.frame(3.0);
            clip.u[i] = i < clip.frame(1.5) ? 100 : pink ? 140 : 160;
            clip.v[i] = i < clip.frame(1.5) ? 160 : pink ? 165 : 150;
        }

        List<Check> checks = ClipChecks.evaluate(clip.metrics(), SETTINGS, lockedOff, ReviewThresholds.defaults());

        assertThat(named(checks, "continuity").passed()).isFalse();
        assertThat(named(checks, "continuity").detail()).contains("colour temperature changes");
        assertThat(named(checks, "unexpected-cut").passed()).isFalse();
    }

    @Test
    void evaluate_pictureLosesItsSubjectForHalfTheClip_failsFramingOnly() {
        SyntheticClip clip = clean();
        for (int i = clip.frame(2.0); i < clip.n; i++) {
            clip.contrast[i] = 0.05;
        }

        List<Check> checks = evaluate(clip);

        assertThat(failed(checks)).containsExactly("framing");
        assertThat(named(checks, "framing").value()).isLessThan(0.9);
    }

    @Test
    void evaluate_gradeDriftingThroughThreeShots_failsColourDrift_thoughEachShotAloneStaysUnderTheLimit() {
        Storyboard threeShots = new Storyboard(
                "A mug on a table",
                List.of(
                        new Beat(0, 1.4, "Wide shot of a mug on a table"),
                        new Beat(1.4, 2.8, "Close-up of the mug"),
                        new Beat(2.8, 4, "Medium shot of the mug")),
                List.of());
        SyntheticClip clip = new SyntheticClip(4, 7).cut(1.4).cut(2.8);
        for (int i = 0; i < clip.n; i++) {
            clip.luma[i] += 14.0 * i / clip.n;
        }

        Check drift = named(
                ClipChecks.evaluate(clip.metrics(), SETTINGS, threeShots, ReviewThresholds.defaults()), "colour-drift");

        assertThat(drift.passed()).isFalse();
        assertThat(drift.value()).isGreaterThan(12).isLessThan(16);
    }

    @Test
    void evaluate_subjectGoneAfterWhatReadsAsACut_failsFramingAgainstTheStoryboardsOneShot() {
        Storyboard oneShot = new Storyboard(
                "A mug on a table. Camera: locked-off, one continuous shot.",
                List.of(new Beat(0, 2, "the mug rests on the table"), new Beat(2, 4, "the mug slides off the edge")),
                List.of());
        SyntheticClip clip = new SyntheticClip(4, 7).cut(2.5);
        for (int i = clip.frame(2.5); i < clip.n; i++) {
            clip.contrast[i] = 0.05;
        }

        Check framing =
                named(ClipChecks.evaluate(clip.metrics(), SETTINGS, oneShot, ReviewThresholds.defaults()), "framing");

        assertThat(framing.passed()).isFalse();
        assertThat(framing.detail()).contains("gone");
    }

    @Test
    void evaluate_freezeThatFreezedetectSplitsAtAKeyFrame_isMeasuredWhole() {
        SyntheticClip clip = clean().freeze(0.2, 1.2);
        clip.frozen.clear();
        clip.frozen.add(new Interval(0.2, 0.7));
        clip.frozen.add(new Interval(0.7, 1.2));
        clip.pulse(0.7);

        Check frozen = named(evaluate(clip), "frozen");

        assertThat(frozen.passed()).isFalse();
        assertThat(frozen.value()).isGreaterThan(0.9);
    }

    @Test
    void evaluate_walkerMovingNoEdgeInsideAQuietStretch_isNotBridgedIntoAFreeze() {
        SyntheticClip clip = clean().freeze(0.2, 0.55).freeze(0.65, 1.0);
        clip.frozen.clear();
        clip.frozen.add(new Interval(0.2, 1.0));
        clip.pulse(0.6);

        assertThat(named(evaluate(clip), "frozen").passed()).isTrue();
    }

    @Test
    void evaluate_pictureWithNoDetailAtThumbnailSize_framingIsNotApplicable() {
        SyntheticClip clip = clean();
        Arrays.fill(clip.contrast, 0);

        Check framing = named(evaluate(clip), "framing");

        assertThat(framing.passed()).isTrue();
        assertThat(framing.applicable()).isFalse();
        assertThat(framing.detail()).contains("no picture detail");
    }
}
