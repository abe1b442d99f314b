package dev.reelforge.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MissingToolTest {

    @Test
    void stop_inCi_failsSayingWhatCouldNotRun() {
        assertThatThrownBy(() -> MissingTool.stop(
                        "the Chromium check", "no chromium\n  tried /usr/bin/chromium", Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("CI must run the Chromium check, but no chromium; tried /usr/bin/chromium");
    }

    @Test
    void stop_outsideCi_skipsWithTheReasonOnOneLine() {
        assertThatThrownBy(() ->
                        MissingTool.stop("the Chromium check", "no chromium\n  tried /usr/bin/chromium", Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("the Chromium check skipped (not in CI): no chromium; tried /usr/bin/chromium");
    }

    @Test
    void inCi_ciVariable_onUnlessEmptyFalseOrZero() {
        assertThat(MissingTool.inCi(Map.of("CI", "true"))).isTrue();
        assertThat(MissingTool.inCi(Map.of("CI", "1"))).isTrue();
        assertThat(MissingTool.inCi(Map.of())).isFalse();
        assertThat(MissingTool.inCi(Map.of("CI", ""))).isFalse();
        assertThat(MissingTool.inCi(Map.of("CI", "false"))).isFalse();
        assertThat(MissingTool.inCi(Map.of("CI", "0"))).isFalse();
    }
}
