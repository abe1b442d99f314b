package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MotionCheckTest {
    @ParameterizedTest
    @CsvSource({
        "the ball drops onto the floor, true",
        "it drops off the table, true",
        "the mug tips and falls, true",
        "the drop trembles on the leaf, false",
        "a dew drop clings to the leaf, false",
        "raindrops streak the window, false",
        "the lamp glows, false"
    })
    void moves_readsVerbsOfMotion_notTheNounDrop(String beat, boolean moves) {
        assertThat(MotionCheck.MOVES.matcher(beat).find()).isEqualTo(moves);
    }
}
