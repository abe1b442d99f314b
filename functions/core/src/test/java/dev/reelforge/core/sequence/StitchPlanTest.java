package dev.reelforge.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StitchPlanTest {
    private static final List<PlannedShot> SHOTS = ShotPlan.of(
                    ShotPlanTest.request(ShotPlanTest.THREE_SHOTS, List.of(), ""), ShotPlanTest.ANIMATIC)
            .shots();

    @Test
    void of_cutThenCrossfade_joinsAtTheBoundaryAndTheFadesMiddle() {
        StitchPlan stitch = StitchPlan.of(SHOTS, List.of(5.0, 5.0, 5.0), 24);

        assertThat(stitch.joins()).hasSize(2);
        StitchPlan.Join cut = stitch.joins().get(0);
        assertThat(cut.transition()).isEqualTo(Transition.CUT);
        assertThat(cut.atSeconds()).isEqualTo(5.0);
        assertThat(cut.frame(24)).isEqualTo(120);
        StitchPlan.Join fade = stitch.joins().get(1);
        assertThat(fade.transition()).isEqualTo(Transition.CROSSFADE);
        assertThat(fade.overlapSeconds()).isEqualTo(StitchPlan.CROSSFADE_SECONDS);
        assertThat(fade.atSeconds()).isCloseTo(9.75, within(1e-9));
        assertThat(stitch.segments().get(2).startSeconds()).isCloseTo(9.5, within(1e-9));
        assertThat(stitch.totalSeconds()).isCloseTo(14.5, within(1e-9));
    }

    @Test
    void of_probedLengthsDiffer_joinsFollowTheClipsNotTheStoryboard() {
        StitchPlan stitch = StitchPlan.of(SHOTS, List.of(5.0 + 1.0 / 24, 5.0, 5.0), 24);

        assertThat(stitch.joins().get(0).atSeconds()).isCloseTo(5.0 + 1.0 / 24, within(1e-9));
    }

    @Test
    void join_matches_withinOneFrame() {
        StitchPlan.Join cut =
                StitchPlan.of(SHOTS, List.of(5.0, 5.0, 5.0), 24).joins().get(0);

        assertThat(cut.matches(5.0 + 1.0 / 24, 24)).isTrue();
        assertThat(cut.matches(5.0 - 1.0 / 24, 24)).isTrue();
        assertThat(cut.matches(5.0 + 2.0 / 24, 24)).isFalse();
    }

    @Test
    void of_clipTooShortForItsCrossfade_refused() {
        assertThatThrownBy(() -> StitchPlan.of(SHOTS, List.of(5.0, 0.8, 5.0), 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shot 3's crossfade");
    }

    @Test
    void of_oneClipMissing_refused() {
        assertThatThrownBy(() -> StitchPlan.of(SHOTS, List.of(5.0, 5.0), 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 shots, 2 clips");
    }

    @Test
    void of_clipsLongerThanTheSequenceLimit_refused() {
        assertThatThrownBy(() -> StitchPlan.of(SHOTS, List.of(10.0, 10.0, 10.0), 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the 20 s limit");
    }
}
