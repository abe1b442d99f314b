package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.media.analysis.SpeechSegments.Segment;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeechSegmentsTest {
    private static final double WINDOW = 0.032;
    private static final int RATE = 16_000;

    /** Windows at {@code low}, with {@code high} from window {@code from} (inclusive) to {@code to} (exclusive). */
    private static float[] probabilities(int windows, float low, float high, int... fromTo) {
        float[] p = new float[windows];
        Arrays.fill(p, low);
        for (int i = 0; i < fromTo.length; i += 2) {
            Arrays.fill(p, fromTo[i], fromTo[i + 1], high);
        }
        return p;
    }

    @Test
    void of_oneStretchAboveOn_isOneSegmentFromItsFirstWindowToWhereItFell() {
        List<Segment> segments = SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 20, 40), WINDOW, 3.2);
        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).startSeconds()).isCloseTo(20 * WINDOW, within(1e-9));
        assertThat(segments.get(0).endSeconds()).isCloseTo(40 * WINDOW, within(1e-9));
    }

    @Test
    void of_dipBetweenOffAndOn_staysOneSegment() {
        float[] p = probabilities(100, 0.01f, 0.9f, 20, 40);
        Arrays.fill(p, 28, 34, 0.4f);
        assertThat(SpeechSegments.of(p, WINDOW, 3.2)).hasSize(1);
    }

    @Test
    void of_pauseShorterThanMinSilence_isBridged_longerPauseSplits() {
        assertThat(SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 10, 20, 23, 40), WINDOW, 3.2))
                .hasSize(1);
        assertThat(SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 10, 20, 24, 40), WINDOW, 3.2))
                .hasSize(2);
    }

    @Test
    void of_blipShorterThanMinSpeech_isDropped() {
        assertThat(SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 30, 33), WINDOW, 3.2))
                .isEmpty();
        assertThat(SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 30, 34), WINDOW, 3.2))
                .hasSize(1);
    }

    @Test
    void of_speechUntilTheEnd_endsWithTheAudio() {
        List<Segment> segments = SpeechSegments.of(probabilities(100, 0.01f, 0.9f, 90, 100), WINDOW, 3.19);
        assertThat(segments).containsExactly(new Segment(90 * WINDOW, 3.19));
    }

    @Test
    void of_probabilityClimbingBeforeTheCrossing_startsWhereTheClimbBegan() {
        float[] p = probabilities(100, 0.01f, 0.95f, 50, 70);
        p[47] = 0.12f;
        p[48] = 0.2f;
        p[49] = 0.4f;
        assertThat(SpeechSegments.of(p, WINDOW, 3.2).get(0).startSeconds()).isCloseTo(47 * WINDOW, within(1e-9));
    }

    @Test
    void of_climbOverAHighBaseline_needsToRiseAboveIt() {
        float[] p = probabilities(100, 0.3f, 0.95f, 50, 70);
        p[49] = 0.45f;
        assertThat(SpeechSegments.of(p, WINDOW, 3.2).get(0).startSeconds()).isCloseTo(49 * WINDOW, within(1e-9));
    }

    @Test
    void climbStart_longClimb_goesBackAtMostMaxLeadWindows() {
        float[] p = probabilities(100, 0.01f, 0.3f, 44, 50);
        p[50] = 0.9f;
        assertThat(SpeechSegments.climbStart(p, 50, 0, WINDOW)).isEqualTo(50 - SpeechSegments.MAX_LEAD_WINDOWS);
    }

    @Test
    void refinedStart_toneStartingMidWindowAfterSilence_isFoundToTheHop() {
        short[] pcm = new short[RATE * 2];
        int onset = 16_000 + 200;
        for (int n = onset; n < pcm.length; n++) {
            pcm[n] = (short) (8000 * Math.sin(2 * Math.PI * 2000 * n / RATE));
        }
        double windowStart = 15_872 / (double) RATE;
        double refined = SpeechSegments.refinedStart(pcm, RATE, windowStart + WINDOW, 0, WINDOW);
        assertThat(refined).isCloseTo(onset / (double) RATE, within(0.005));
    }

    @Test
    void refinedStart_soundNotStandingOutOfTheNoise_keepsTheWindowStart() {
        Random random = new Random(7);
        short[] pcm = new short[RATE * 2];
        for (int n = 0; n < pcm.length; n++) {
            pcm[n] = (short) (random.nextGaussian() * 3000 * (n >= RATE ? 1.5 : 1));
        }
        assertThat(SpeechSegments.refinedStart(pcm, RATE, 1.024, 0, WINDOW)).isEqualTo(1.024);
    }

    @Test
    void refinedStart_tooLittleAudioBeforeToTellTheFloor_keepsTheWindowStart() {
        short[] pcm = new short[RATE];
        Arrays.fill(pcm, 100, pcm.length, (short) 4000);
        assertThat(SpeechSegments.refinedStart(pcm, RATE, 0.032, 0, WINDOW)).isEqualTo(0.032);
    }
}
