package dev.reelforge.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each join is the planned cut or crossfade at its boundary within one frame, with continuity across it. */
class JoinReviewTest {
    private static final int FPS = 24;
    /** Shot 2 starts at 4.5 s (frame 108) and the 0.5 s crossfade ends at frame 120. */
    private static final StitchPlan.Join CROSSFADE = new StitchPlan.Join(1, 2, Transition.CROSSFADE, 4.75, 0.5);

    private static double[] ramp(int first, int start, int frames, int length) {
        double[] alpha = new double[length];
        for (int k = 0; k < length; k++) {
            alpha[k] = Math.max(0, Math.min(1, (double) (first + k - start) / frames));
        }
        return alpha;
    }

    @Test
    void judge_crossfadeWhereItWasPlanned_passes() {
        var result = JoinReview.judge(CROSSFADE, FPS, new JoinReview.Measured(1, 105, ramp(105, 108, 12, 19), 3));

        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.seenStartFrame()).isCloseTo(108, org.assertj.core.data.Offset.offset(0.01));
        assertThat(result.seenEndFrame()).isCloseTo(120, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void judge_crossfadeThreeFramesLate_failsNamingTheJoin() {
        var result = JoinReview.judge(
                new StitchPlan.Join(2, 3, Transition.CROSSFADE, 9.25, 0.5),
                FPS,
                new JoinReview.Measured(2, 213, ramp(213, 219, 12, 19), 3));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).startsWith("join 2 (shot 2 → 3): crossfade planned over frames 216–228");
    }

    @Test
    void judge_cutInsteadOfTheCrossfade_fails() {
        var result = JoinReview.judge(CROSSFADE, FPS, new JoinReview.Measured(1, 105, ramp(105, 114, 1, 19), 3));

        assertThat(result.passed()).as(result.detail()).isFalse();
    }

    @Test
    void judge_cutOnItsFrame_passes() {
        var cut = new StitchPlan.Join(1, 2, Transition.CUT, 5.0, 0);

        var result = JoinReview.judge(cut, FPS, new JoinReview.Measured(1, 117, ramp(117, 120, 1, 7), 3));

        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.transition()).isEqualTo("cut");
    }

    @Test
    void judge_paletteBreaksAcrossTheJoin_fails() {
        var result = JoinReview.judge(CROSSFADE, FPS, new JoinReview.Measured(1, 105, ramp(105, 108, 12, 19), 35));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("35.0 levels across it (limit 20)");
    }

    @Test
    void judge_shotsAgreeThroughout_seamlessOnContinuityAlone() {
        double[] none = new double[19];
        Arrays.fill(none, Double.NaN);

        var result = JoinReview.judge(CROSSFADE, FPS, new JoinReview.Measured(1, 105, none, 2));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("seamless");
    }
}
