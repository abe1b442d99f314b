package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silero VAD on real synthetic speech (espeak-ng, eight phrases and voices), each phrase placed three times in a 10 s
 * soundtrack at offsets that fall at different points of the 32 ms windows: every line must be found, once, with its
 * onset within 3 frames at 24 fps of the truth; sounds that are not speech must give no speech at all.
 */
class SpeechDetectorTest {
    private static final double TOLERANCE_SECONDS = 3 / 24.0;
    private static final String SILENCE = "anullsrc=r=48000:cl=mono";
    /** Pink noise at −36 dBFS RMS and at −31 dBFS: 15 and 10 dB below the speech (−19 to −21 dBFS while it sounds). */
    private static final String PINK_NOISE = "anoisesrc=color=pink:seed=7:amplitude=0.08:r=48000";

    private static final String LOUD_PINK_NOISE = "anoisesrc=color=pink:seed=11:amplitude=0.15:r=48000";
    /** A music-like bed as loud as the speech (−19 dBFS): a four-note arpeggio (4 notes/s) over a held fifth. */
    private static final String TONES =
            "aevalsrc='0.12*sin(2*PI*(220+110*floor(mod(t*4\\,4)))*t)+0.08*sin(2*PI*330*t)':s=48000";

    private static final String[][] PHRASES = {
        {"en-us", "over here"},
        {"en", "look out"},
        {"en-us+f3", "hello there"},
        {"en-us", "wait for me"},
        {"en+m3", "come on"},
        {"en-us", "she is right"},
        {"en-us+f2", "stop"},
        {"en", "thank you"}
    };

    @TempDir
    static Path dir;

    private static final List<Path> spoken = new ArrayList<>();

    @BeforeAll
    static void speak() throws Exception {
        for (int i = 0; i < PHRASES.length; i++) {
            spoken.add(SpokenAudio.speak(dir, "line-" + i, PHRASES[i][0], PHRASES[i][1]));
        }
    }

    /** Each phrase three times, at offsets that move through the window phase from phrase to phrase. */
    private static List<Double> onsetErrors(String background, String label) throws Exception {
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < spoken.size(); i++) {
            List<SpokenAudio.Line> lines = List.of(
                    SpokenAudio.at(spoken.get(i), 0.6 + 0.007 * i),
                    SpokenAudio.at(spoken.get(i), 3.9 + 0.013 * i),
                    SpokenAudio.at(spoken.get(i), 7.2 + 0.019 * i));
            SpeechDetector.Result result =
                    SpeechDetector.detect(SpokenAudio.pcm(background, 10, lines), AnalysisGraph.PCM_RATE);
            assertThat(result.onsets())
                    .as("'%s' three times over %s", PHRASES[i][1], label)
                    .hasSize(3);
            for (int k = 0; k < 3; k++) {
                errors.add(result.onsets().get(k) - lines.get(k).atSeconds());
            }
        }
        double[] magnitudes = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "speech onsets over %s: %d lines, median |error| %.0f ms, worst %.0f ms, mean %+.0f ms%n",
                label,
                magnitudes.length,
                magnitudes[magnitudes.length / 2] * 1000,
                magnitudes[magnitudes.length - 1] * 1000,
                errors.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000);
        return errors;
    }

    @Test
    void detect_speechIntoSilence_everyOnsetWithinThreeFramesAt24Fps() throws Exception {
        assertThat(onsetErrors(SILENCE, "silence"))
                .allSatisfy(e -> assertThat(Math.abs(e)).isLessThanOrEqualTo(TOLERANCE_SECONDS));
    }

    @Test
    void detect_speechIntoPinkNoise_everyOnsetWithinThreeFramesAt24Fps() throws Exception {
        assertThat(onsetErrors(PINK_NOISE, "pink noise"))
                .allSatisfy(e -> assertThat(Math.abs(e)).isLessThanOrEqualTo(TOLERANCE_SECONDS));
        assertThat(onsetErrors(LOUD_PINK_NOISE, "loud pink noise"))
                .allSatisfy(e -> assertThat(Math.abs(e)).isLessThanOrEqualTo(TOLERANCE_SECONDS));
    }

    @Test
    void detect_speechUnderMusicLikeTones_everyOnsetWithinThreeFramesAt24Fps() throws Exception {
        assertThat(onsetErrors(TONES, "tones"))
                .allSatisfy(e -> assertThat(Math.abs(e)).isLessThanOrEqualTo(TOLERANCE_SECONDS));
    }

    @Test
    void detect_soundsThatAreNotSpeech_findNoSpeech() {
        List<String> notSpeech = List.of(
                // pink noise bursts (0.3 s each second) and white ones (0.15 s every 1.3 s), loud
                "anoisesrc=color=pink:seed=3:amplitude=0.5:r=48000,volume='if(lt(mod(t\\,1)\\,0.3)\\,1\\,0)':eval=frame",
                "anoisesrc=color=white:seed=5:amplitude=0.4:r=48000,volume='if(lt(mod(t\\,1.3)\\,0.15)\\,1\\,0)':eval=frame",
                // a door slam every 2.5 s: a 70 Hz thump with a noise crack, decaying in about 0.2 s
                "aevalsrc='if(lt(mod(t\\,2.5)\\,0.4)\\,0.9*exp(-mod(t\\,2.5)*18)*(0.6*sin(2*PI*70*t)+0.4*(2*random(0)-1))\\,0)':s=48000",
                // a 10 ms click every 1.5 s
                "aevalsrc='if(lt(mod(t\\,1.5)\\,0.01)\\,0.9*(2*random(0)-1)\\,0)':s=48000",
                // a sine melody: an eight-step scale, three notes a second
                "aevalsrc='0.3*sin(2*PI*440*pow(2\\,floor(mod(t*3\\,8))/12)*t)':s=48000",
                // FFmpeg's beeping sine
                "sine=f=440:beep_factor=4:r=48000");
        for (String source : notSpeech) {
            assertThat(SpeechDetector.detect(SpokenAudio.pcm(source, 10, List.of()), AnalysisGraph.PCM_RATE)
                            .segments())
                    .as(source)
                    .isEmpty();
        }
    }

    @Test
    void detect_fromSeveralThreadsAtOnce_givesWhatEachGivesAlone() throws Exception {
        List<short[]> tracks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tracks.add(SpokenAudio.pcm(PINK_NOISE, 5, List.of(SpokenAudio.at(spoken.get(i), 1 + 0.5 * i))));
        }
        List<List<SpeechSegments.Segment>> alone = new ArrayList<>();
        for (short[] track : tracks) {
            alone.add(SpeechDetector.detect(track, AnalysisGraph.PCM_RATE).segments());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SpeechSegments.Segment>>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (short[] track : tracks) {
                    together.add(pool.submit(() ->
                            SpeechDetector.detect(track, AnalysisGraph.PCM_RATE).segments()));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % tracks.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void detect_pcmAtAnotherRate_isRefused() {
        assertThatThrownBy(() -> SpeechDetector.detect(new short[48_000], 48_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 kHz");
    }

    @Test
    void detect_audioShorterThanOneWindow_givesNoSpeechAndOneProbability() {
        SpeechDetector.Result result = SpeechDetector.detect(new short[300], AnalysisGraph.PCM_RATE);
        assertThat(result.segments()).isEmpty();
        assertThat(result.probabilities()).hasSize(1);
    }
}
