package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueCheckTest {
    private static final double FPS = 24;
    private static final double TOLERANCE = 3;

    private static Storyboard storyboard(AudioCue... cues) {
        return new Storyboard(
                "A woman waves from a pier", List.of(new Beat(0, 5, "a woman waves from a pier")), List.of(cues));
    }

    private static final Storyboard SPOKEN = storyboard(
            new AudioCue(1.0, "gulls cry"),
            new AudioCue(2.0, "she says 'over here'"),
            new AudioCue(3.5, "he answers \"coming\""));

    @Test
    void evaluate_onsetsWithinThreeFramesOfEachLine_passesWithTheWorstOffset() {
        Check check = DialogueCheck.evaluate(List.of(0.4, 2.06, 3.45), true, FPS, SPOKEN, TOLERANCE);
        assertThat(check.name()).isEqualTo("dialogue");
        assertThat(check.passed()).isTrue();
        assertThat(check.value()).isEqualTo(1.44);
        assertThat(check.threshold()).isEqualTo(TOLERANCE);
        assertThat(check.unit()).isEqualTo("frames");
        assertThat(check.detail()).isEqualTo("2 spoken cue(s) matched by speech onsets, worst 1.4 frames off");
        assertThat(check.suggestedFix()).isEmpty();
    }

    @Test
    void evaluate_lineStarts400MsLate_failsNamingTheLineAndTheOffset() {
        Check check = DialogueCheck.evaluate(List.of(2.4, 3.5), true, FPS, SPOKEN, TOLERANCE);
        assertThat(check.passed()).isFalse();
        assertThat(check.value()).isEqualTo(9.6);
        assertThat(check.detail())
                .isEqualTo("'she says 'over here'' at 2.00 s: nearest speech starts 400 ms late (9.6 frames)");
        assertThat(check.suggestedFix()).contains("spoken line");
    }

    @Test
    void evaluate_earlyLine_saysEarly() {
        Check check = DialogueCheck.evaluate(List.of(1.7, 3.5), true, FPS, SPOKEN, TOLERANCE);
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("300 ms early");
    }

    @Test
    void evaluate_noSpeechDetected_failsWithEveryLineListed() {
        Check check = DialogueCheck.evaluate(List.of(), true, FPS, SPOKEN, TOLERANCE);
        assertThat(check.passed()).isFalse();
        assertThat(check.value()).isEqualTo(DialogueCheck.NO_SPEECH);
        assertThat(check.detail())
                .isEqualTo("'she says 'over here'' at 2.00 s: no speech detected; "
                        + "'he answers \"coming\"' at 3.50 s: no speech detected");
    }

    @Test
    void evaluate_spokenCuesButNoAudioStream_failsClearly() {
        Check check = DialogueCheck.evaluate(List.of(), false, FPS, SPOKEN, TOLERANCE);
        assertThat(check.passed()).isFalse();
        assertThat(check.detail())
                .startsWith("no audio stream, but 2 spoken cue(s) expect speech: 'she says 'over here'' at 2.00 s");
        assertThat(check.suggestedFix()).isEqualTo("render the clip with its dialogue track");
    }

    @Test
    void evaluate_noSpokenCue_isNotApplicableAndPasses() {
        Check check = DialogueCheck.evaluate(
                List.of(), false, FPS, storyboard(new AudioCue(2.0, "hard ceramic impact")), TOLERANCE);
        assertThat(check.passed()).isTrue();
        assertThat(check.value()).isZero();
        assertThat(check.detail()).startsWith("not applicable: no spoken cue");
    }

    @Test
    void evaluate_toleranceIsInFramesOfTheClip_sameOffsetFailsAtHigherFrameRate() {
        Storyboard one = storyboard(new AudioCue(2.0, "she says 'over here'"));
        assertThat(DialogueCheck.evaluate(List.of(2.1), true, 24, one, TOLERANCE)
                        .passed())
                .isTrue();
        assertThat(DialogueCheck.evaluate(List.of(2.1), true, 60, one, TOLERANCE)
                        .passed())
                .isFalse();
    }
}
