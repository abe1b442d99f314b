package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

        assertThat(result.storyboard().audioCues())
                .extracting(AudioCue::atSeconds)
                .containsExactly(2.3, 4.0);
    }

    @Test
    void parse_overlappingBeats_reported() {
        var result = parser.parse("00:00-00:04: a\n00:02-00:05: b", List.of(), 6);

        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("overlap"));
    }

    @Test
    void parse_cueAfterDuration_reported() {
        var result = parser.parse("A mug.", List.of("crash at 00:09"), 6);

        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("audioCues"));
    }

    @Test
    void parse_secondsOverSixty_reportedNotThrown() {
        var result = parser.parse("A mug.\n00:00-00:99: impossible\nAudio: thud at 00:75", List.of("bang at 01:61"), 6);

        assertThat(result.problems()).extracting(p -> p.field()).containsExactly("prompt", "prompt", "audioCues[0]");
        assertThat(result.problems().get(0).message()).contains("seconds must be below 60");
    }

    @Test
    void parse_threeShotsInOneParagraph_threeBeatsAndThreeCues() {
        var result = parser.parse(
                "A bakery at dawn. 00:00–00:03: Wide shot of the counter. 00:03–00:06: Close-up of flour"
                        + " falling. 00:06–00:09: Medium shot of the baker. Audio: spoon clink at 00:01, oven door open at 00:05,"
                        + " footsteps at 00:07",
                List.of(),
                9);

        assertThat(result.problems()).isEmpty();
        assertThat(result.storyboard().beats()).extracting(Beat::startSeconds).containsExactly(0.0, 3.0, 6.0);
        assertThat(result.storyboard().beats().get(1).description()).isEqualTo("Close-up of flour falling.");
        assertThat(result.storyboard().audioCues())
                .extracting(AudioCue::description)
                .containsExactly("spoon clink", "oven door open", "footsteps");
        assertThat(result.storyboard().description()).isEqualTo("A bakery at dawn.");
    }

    @Test
    void parse_commaSeparatedCuesWithDecimals_allTimed() {
        var result = parser.parse(
                "A mug. Audio: faint table scrape at 00:01, mug impact at 00:02,"
                        + " shatter + liquid splatter at 00:02.2",
                List.of(),
                6);

        assertThat(result.storyboard().audioCues())
                .extracting(AudioCue::atSeconds)
                .containsExactly(1.0, 2.0, 2.2);
        assertThat(result.storyboard().audioCues().get(2).description()).isEqualTo("shatter + liquid splatter");
    }

    @Test
    void parse_frameRanges_convertedWithFps() {
        var result = parser.parse("Frames 1–30: mug on table; Frames 31–60: mug falling", List.of(), 6, 30);

        assertThat(result.storyboard().beats())
                .extracting(Beat::startSeconds, Beat::endSeconds)
                .containsExactly(tuple(0.0, 1.0), tuple(1.0, 2.0));
        assertThat(result.storyboard().beats())
                .extracting(Beat::description)
                .containsExactly("mug on table", "mug falling");
    }

    @Test
    void parse_cuePhraseForms_allReadTheSameSoundAndTime() {
        for (String phrase :
                List.of("thud at 00:02", "at 00:02, thud", "00:02 thud", "thud (00:02)", "thud @ 2s", "[00:02] thud")) {
            var result = parser.parse("A box. Sound: " + phrase, List.of(), 6);

            assertThat(result.storyboard().audioCues())
                    .as(phrase)
                    .singleElement()
                    .satisfies(c -> assertThat(c).isEqualTo(new AudioCue(2.0, "thud")));
        }
    }

    @Test
    void parse_untimedSound_isAmbienceNotACue() {
        var result = parser.parse("A box.\nSFX: room tone throughout and a thud at 00:03", List.of(), 6);

        assertThat(result.storyboard().ambience()).containsExactly("room tone throughout");
        assertThat(result.storyboard().audioCues()).containsExactly(new AudioCue(3.0, "a thud"));
    }

    @Test
    void parse_rangeInRunningProse_isNotABeat() {
        var result = parser.parse("The ball waits 2-3 s before it rolls away.", List.of(), 6);

        assertThat(result.storyboard().beats())
                .singleElement()
                .satisfies(b -> assertThat(b.startSeconds()).isZero());
    }

    @Test
    void parse_commaInsideAQuotedLine_doesNotSplitTheCue() {
        var result = parser.parse(
                "A pier. Audio: gulls, she says 'wait, no' at 00:02, the dog's bark at 00:03",
                List.of("he answers 'fine, fine' at 00:04"),
                6);

        assertThat(result.storyboard().audioCues())
                .extracting(AudioCue::description)
                .containsExactly("she says 'wait, no'", "the dog's bark", "he answers 'fine, fine'");
        assertThat(result.storyboard().ambience()).containsExactly("gulls");
    }
}
