package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.request.StoryboardParser;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.checks.DialogueCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialogue check end to end on clips: a 24 fps H.264 + AAC clip whose soundtrack has espeak-ng saying "over
 * here" over surf-like pink noise, decoded as the review decodes it, Silero VAD's onsets, and {@link DialogueCheck}
 * against the storyboard parsed from the prompt's {@code Audio:} line.
 */
class DialogueOnClipsTest {
    private static final String PROMPT = """
            A woman on a pier waves to someone off screen, handheld, late afternoon.
            Audio: surf and distant gulls; she says 'over here' at 00:02
            """;
    private static final String SURF = "anoisesrc=color=pink:seed=21:amplitude=0.05:r=48000";
    private static final double SECONDS = 5;

    @TempDir
    Path dir;

    private Check dialogue(double speechAtSeconds) throws Exception {
        Path wav = SpokenAudio.speak(dir, "over-here", "en-us+f3", "over here");
        Path clip =
                SpokenAudio.clip(dir.resolve("pier.mp4"), SURF, SECONDS, List.of(SpokenAudio.at(wav, speechAtSeconds)));
        List<Double> onsets = SpeechDetector.detect(SpokenAudio.reviewPcm(clip), AnalysisGraph.PCM_RATE)
                .onsets();
        Storyboard storyboard =
                new StoryboardParser().parse(PROMPT, List.of(), SECONDS).storyboard();
        return DialogueCheck.evaluate(onsets, true, 24, storyboard, 3);
    }

    @Test
    void evaluate_clipWhoseLineStartsOnItsCue_passes() throws Exception {
        Check check = dialogue(2.0);
        assertThat(check.passed()).as(check.detail()).isTrue();
        assertThat(check.value()).isLessThanOrEqualTo(3);
        assertThat(check.detail()).startsWith("1 spoken cue(s) matched by speech onsets");
    }

    @Test
    void evaluate_clipWhoseLineIsShifted400MsLate_failsSayingHowLate() throws Exception {
        Check check = dialogue(2.4);
        assertThat(check.passed()).isFalse();
        assertThat(check.value()).isBetween(9.6 - 3, 9.6 + 3);
        assertThat(check.detail())
                .startsWith("'she says 'over here'' at 2.00 s: nearest speech starts")
                .contains("ms late");
        assertThat(check.suggestedFix()).isNotEmpty();
    }

    @Test
    void evaluate_clipWhoseLineIsShifted400MsEarly_fails() throws Exception {
        Check check = dialogue(1.6);
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("ms early");
    }
}
