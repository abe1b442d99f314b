package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryboardParserTest {
    private final StoryboardParser parser = new StoryboardParser();

    @Test
    void parse_hyphenAndEnDashBeats_bothAccepted() {
        var result = parser.parse("Overview.\n00:00-00:02: one\n00:02–00:05: two", List.of(), 5);

        assertThat(result.problems()).isEmpty();
        assertThat(result.storyboard().beats()).extracting(Beat::description).containsExactly("one", "two");
        assertThat(result.storyboard().description()).isEqualTo("Overview.");
    }

    @Test
    void parse_fractionalCueTimes_keepTenths() {
        var result = parser.parse("A mug.\nAudio: clink at 00:02.3; room tone", List.of("thud at 00:04"), 6);

        assertThat(result.storyboard().audioCues()).extracting(AudioCue::atSeconds).containsExactly(2.3, 4.0);
    }

    @Test
    void parse_overlappingBeats_reported() {
        var result = parser.parse("00:00-00:04: a\n00:02-00:05: b", List.of(), 6);

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("overlap"));
    }

    @Test
    void parse_cueAfterDuration_reported() {
        var result = parser.parse("A mug.", List.of("crash at 00:09"), 6);

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("audioCues"));
    }

    @Test
    void parse_secondsOverSixty_reportedNotThrown() {
        var result = parser.parse("A mug.\n00:00-00:99: impossible\nAudio: thud at 00:75", List.of("bang at 01:61"), 6);

        assertThat(result.problems()).extracting(p -> p.field()).containsExactly("prompt", "prompt", "audioCues[0]");
        assertThat(result.problems().get(0).message()).contains("seconds must be below 60");
    }
}
