package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reelforge.core.scene.ScenePlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The storyboard parser collects problems and never throws, whatever the prompt: every problem names
 * {@code prompt}, {@code audioCues} or the {@code audioCues[i]} it came from, and a storyboard without problems fits
 * its duration; its scene plan puts every beat in a shot, in order. Each input is readable text: the first line is the duration in seconds, lines starting
 * {@code cue:} are the request's {@code audioCues}, the rest is the prompt ({@code StoryboardParserFuzzTestInputs}).
 */
class StoryboardParserFuzzTest {
    private static final double SLACK = 0.05;
    private final StoryboardParser parser = new StoryboardParser();

    @FuzzTest(maxDuration = "2m")
    void parse_anyPromptAndCues_reportsProblemsInsteadOfThrowing(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        double duration = duration(lines[0]);
        List<String> cues = new ArrayList<>();
        StringBuilder prompt = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("cue:")) {
                cues.add(lines[i].substring(4));
            } else {
                prompt.append(prompt.length() == 0 ? "" : "\n").append(lines[i]);
            }
        }

        StoryboardParser.Result result = parser.parse(prompt.toString(), cues, duration);

        Storyboard storyboard = result.storyboard();
        assertThat(storyboard.beats()).isNotEmpty().isSortedAccordingTo(Comparator.comparingDouble(Beat::startSeconds));
        assertThat(storyboard.audioCues()).isSortedAccordingTo(Comparator.comparingDouble(AudioCue::atSeconds));
        assertThat(result.problems()).allSatisfy(p -> {
            assertThat(p.message()).isNotBlank();
            assertThat(p.field()).matches("prompt|audioCues|audioCues\\[\\d+]");
            if (p.field().startsWith("audioCues[")) {
                assertThat(Integer.parseInt(p.field().replaceAll("\\D", ""))).isLessThan(cues.size());
            }
        });
        if (result.problems().isEmpty()) {
            assertFits(storyboard, duration);
        }
        assertPlansShots(ScenePlan.of(storyboard), storyboard);
    }

    /** Every beat plays in one of the plan's shots, and the shots follow each other without gaps or overlaps. */
    private static void assertPlansShots(ScenePlan plan, Storyboard storyboard) {
        assertThat(plan.beats()).hasSameSizeAs(storyboard.beats());
        assertThat(plan.shots())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(storyboard.beats().size());
        assertThat(plan.beats())
                .allSatisfy(b -> assertThat(b.shot()).isBetween(0, plan.shots().size() - 1));
        assertThat(plan.beats().get(0).shot()).isZero();
        for (int i = 1; i < plan.beats().size(); i++) {
            int step = plan.beats().get(i).shot() - plan.beats().get(i - 1).shot();
            assertThat(step).isBetween(0, 1);
        }
        assertThat(plan.subjects()).allSatisfy(s -> assertThat(s.count()).isPositive());
    }

    private static void assertFits(Storyboard storyboard, double duration) {
        List<Beat> beats = storyboard.beats();
        for (int i = 0; i < beats.size(); i++) {
            assertThat(beats.get(i).endSeconds()).isLessThanOrEqualTo(duration + SLACK);
            if (i > 0) {
                assertThat(beats.get(i).startSeconds())
                        .isGreaterThanOrEqualTo(beats.get(i - 1).endSeconds() - SLACK);
            }
        }
        assertThat(storyboard.audioCues())
                .allSatisfy(cue -> assertThat(cue.atSeconds()).isBetween(0.0, duration));
    }

    /** A duration the schema admits (5–10 s, the parser's precondition); anything else reads as the default 6 s. */
    private static double duration(String line) {
        try {
            double seconds = Double.parseDouble(line.strip());
            return seconds >= 5 && seconds <= 10 ? seconds : 6;
        } catch (NumberFormatException notANumber) {
            return 6;
        }
    }
}
