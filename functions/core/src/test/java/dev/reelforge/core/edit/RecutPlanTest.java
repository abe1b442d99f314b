package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-cut range arithmetic: segments, factors, the result's length, and each refusal naming its field. */
class RecutPlanTest {

    @Test
    void of_expandOneSecondToThree_slowsThatSpanAndLengthensTheClipByTwoSeconds() {
        RecutPlan plan = RecutPlan.of(List.of(RecutOp.expand("recut.expand[0]", "00:02-00:03=00:02-00:05")), 6, 10);

        assertThat(plan.segments())
                .containsExactly(
                        new RecutPlan.Segment(0, 2, 1), new RecutPlan.Segment(2, 3, 3), new RecutPlan.Segment(3, 6, 1));
        assertThat(plan.outputSeconds()).isCloseTo(8, within(1e-9));
    }

    @Test
    void of_trimThenRetime_keepsOnlyTheTrimmedSpan() {
        RecutPlan plan = RecutPlan.of(
                List.of(RecutOp.trim("trim", "00:01-00:05"), RecutOp.retime("retime[0]", "00:04-00:05=0.5")), 6, 10);

        assertThat(plan.segments()).containsExactly(new RecutPlan.Segment(1, 4, 1), new RecutPlan.Segment(4, 5, 0.5));
        assertThat(plan.outputSeconds()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void of_twoRetimes_sortedByStartWhateverTheirOrder() {
        RecutPlan plan = RecutPlan.of(
                List.of(RecutOp.retime("r[0]", "4-5=2"), RecutOp.retime("r[1]", "00:00.5-00:01=2")), 6, 10);

        assertThat(plan.segments()).extracting(RecutPlan.Segment::factor).containsExactly(1.0, 2.0, 1.0, 2.0, 1.0);
        assertThat(plan.outputSeconds()).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void of_rangePastTheClipsEnd_isRefusedNamingTheField() {
        assertThatThrownBy(() -> RecutPlan.of(List.of(RecutOp.retime("edit.recut.retime[0]", "00:05-00:07=2")), 6, 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.recut.retime[0]")
                .hasMessageContaining("after the clip's end at 6.00 s");
    }

    @Test
    void of_overlappingRetimes_areRefusedNamingTheSecond() {
        assertThatThrownBy(() -> RecutPlan.of(
                        List.of(RecutOp.retime("a", "00:01-00:03=2"), RecutOp.retime("b", "00:02-00:04=2")), 6, 20))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("b")
                .hasMessageContaining("overlaps a");
    }

    @Test
    void of_resultLongerThanTheModelRenders_isRefused() {
        assertThatThrownBy(() -> RecutPlan.of(List.of(RecutOp.expand("e", "00:02-00:03=00:02-00:08")), 6, 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("would run 11.00 s, over the model's longest clip of 10.00 s");
    }

    @Test
    void of_retimeOutsideTheTrim_andTwoTrims_areRefused() {
        assertThatThrownBy(() ->
                        RecutPlan.of(List.of(RecutOp.trim("t", "0-3"), RecutOp.retime("r", "00:04-00:05=2")), 6, 10))
                .hasMessageContaining("outside the trimmed clip");
        assertThatThrownBy(() -> RecutPlan.of(List.of(RecutOp.trim("t1", "0-3"), RecutOp.trim("t2", "1-2")), 6, 10))
                .hasMessageContaining("t2")
                .hasMessageContaining("only one trim");
    }

    @Test
    void parse_badFactorsAndRanges_areRefusedWithTheField() {
        assertThatThrownBy(() -> RecutOp.retime("f", "00:01-00:02=0")).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> RecutOp.retime("f", "00:01-00:02=-1")).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> RecutOp.retime("f", "00:01-00:02=fast")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> RecutOp.trim("f", "00:03-00:02")).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> RecutOp.trim("f", "00:75-00:80")).hasMessageContaining("below 60");
        assertThatThrownBy(() -> RecutOp.expand("f", "00:02-00:03=00:01-00:05"))
                .hasMessageContaining("must start where the old one does");
        assertThatThrownBy(() -> RecutOp.expand("edit.recut.expand[0]", "00:02-00:03"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.recut.expand[0]");
    }

    private static final Storyboard MUG = new Storyboard(
            "a mug",
            List.of(new Beat(0, 2, "rests"), new Beat(2, 4, "falls"), new Beat(4, 6, "shatters")),
            List.of(new AudioCue(1.5, "scrape"), new AudioCue(3.2, "impact"), new AudioCue(3.6, "shards")));

    @Test
    void shift_expand_movesTheCuesAndBeatsAfterTheStretchedSpan() {
        RecutPlan plan = RecutPlan.of(List.of(RecutOp.expand("recut.expand[0]", "00:02-00:03=00:02-00:05")), 6, 10);

        Storyboard shifted = plan.shift(MUG);

        assertThat(shifted.audioCues())
                .extracting(c -> Math.round(c.atSeconds() * 1000) / 1000.0)
                .containsExactly(1.5, 5.2, 5.6);
        assertThat(shifted.beats())
                .containsExactly(new Beat(0, 2, "rests"), new Beat(2, 6, "falls"), new Beat(6, 8, "shatters"));
        assertThat(shifted.description()).isEqualTo("a mug");
    }

    @Test
    void shift_trim_dropsWhatWasCutAwayAndStartsTheClipAtZero() {
        RecutPlan plan = RecutPlan.of(
                List.of(RecutOp.trim("trim", "00:02-00:05"), RecutOp.retime("retime[0]", "00:04-00:05=0.5")), 6, 10);

        Storyboard shifted = plan.shift(MUG);

        assertThat(shifted.audioCues())
                .extracting(c -> Math.round(c.atSeconds() * 1000) / 1000.0)
                .containsExactly(1.2, 1.6);
        assertThat(shifted.beats()).containsExactly(new Beat(0, 2, "falls"), new Beat(2, 2.5, "shatters"));
        assertThat(plan.outputTime(1.5)).isEmpty();
        assertThat(plan.outputTime(5).getAsDouble()).isCloseTo(2.5, within(1e-9));
    }
}
