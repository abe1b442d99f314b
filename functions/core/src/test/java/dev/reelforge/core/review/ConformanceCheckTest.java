package dev.reelforge.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import org.junit.jupiter.api.Test;

class ConformanceCheckTest {
    private final RenderSettings ordered =
            new RenderSettings(AspectRatio.PORTRAIT_9_16, 6, Resolution.R720P, 24, 1, "photoreal");

    @Test
    void evaluate_matchingClip_passes() {
        var check = ConformanceCheck.evaluate(new ProbeResult(6.02, 720, 1280, 24, "h264", "aac", 48000, 2), ordered);

        assertThat(check.passed()).isTrue();
        assertThat(check.name()).isEqualTo("conformance");
    }

    @Test
    void evaluate_shortSilentWrongSize_listsEveryMismatch() {
        var check = ConformanceCheck.evaluate(new ProbeResult(5.0, 1280, 720, 30, "h264", null, 0, 0), ordered);

        assertThat(check.passed()).isFalse();
        assertThat(check.value()).isEqualTo(4);
        assertThat(check.detail())
                .contains("duration 5.00 s")
                .contains("size 1280x720")
                .contains("30.000 fps")
                .contains("no audio");
    }

    @Test
    void evaluate_oneFrameLong_stillPasses() {
        assertThat(ConformanceCheck.evaluate(
                                new ProbeResult(6.0 + 1 / 24.0, 720, 1280, 24, "h264", "aac", 48000, 2), ordered)
                        .passed())
                .isTrue();
        assertThat(ConformanceCheck.evaluate(
                                new ProbeResult(6.0 + 2 / 24.0, 720, 1280, 24, "h264", "aac", 48000, 2), ordered)
                        .passed())
                .isFalse();
    }
}
