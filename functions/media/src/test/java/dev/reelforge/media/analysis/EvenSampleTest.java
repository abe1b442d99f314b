package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvenSampleTest {

    @Test
    void takesTheMiddleFrameOfEachEqualStretch() {
        EvenSample twelveOf240 = new EvenSample(240, 12);
        assertThat(twelveOf240.step()).isEqualTo(20);
        assertThat(twelveOf240.frame(0)).isEqualTo(10);
        assertThat(twelveOf240.frame(11)).isEqualTo(230);
        assertThat(twelveOf240.select()).isEqualTo("select='eq(mod(n\\,20)\\,10)'");
        assertThat(twelveOf240.selectAtMostCount()).isEqualTo("select='eq(mod(n\\,20)\\,10)*lt(n\\,240)'");
    }

    @Test
    void clipsShorterThanTheCountGiveEveryFrame() {
        EvenSample sample = new EvenSample(5, 8);
        assertThat(sample.step()).isEqualTo(1);
        assertThat(sample.frame(3)).isEqualTo(3);
        assertThat(sample.select()).isEqualTo("select='eq(mod(n\\,1)\\,0)'");
        assertThatThrownBy(() -> new EvenSample(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
