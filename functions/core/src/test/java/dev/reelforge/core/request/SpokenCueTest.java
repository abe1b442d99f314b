package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenCueTest {
    private static AudioCue cue(String description) {
        return new AudioCue(2, description);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "she says 'over here'",
                "\"Over here!\"",
                "a voice: “wait for me”",
                "‘come on’, softly",
                "«bonjour»",
                "he whispers",
                "the guard shouts a warning",
                "someone yells from the street",
                "she asks for the salt",
                "he calls out to her",
                "a child cries out",
                "dialogue",
                "voiceover begins",
                "voice-over: the city sleeps",
                "VO: it was a long night",
                "narrator (V.O.)",
                "she said it twice",
                "Maria answers",
                "'look out' (off screen)"
            })
    void isSpeech_quotedWordsOrReportedSpeech_isTrue(String description) {
        assertThat(SpokenCue.isSpeech(cue(description))).as(description).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hard ceramic impact",
                "the dog barks",
                "a bird calls",
                "door slams shut",
                "she's walking away",
                "the mug's 'clink'",
                "a loud 'BOOOM!'",
                "\"tick tock\" of the clock",
                "rain on the car's roof",
                "glass shatters",
                "the devo volume rises",
                "thunder rumbles over the bay"
            })
    void isSpeech_soundsApostrophesAndQuotedSoundWords_isFalse(String description) {
        assertThat(SpokenCue.isSpeech(cue(description))).as(description).isFalse();
    }

    @Test
    void isSpeech_quotedSoundWordWithReportedSpeech_isTrue() {
        assertThat(SpokenCue.isSpeech(cue("he shouts 'bang!'"))).isTrue();
    }

    @Test
    void quotedWords_mixedQuoteMarks_givesEachPassageInOrder() {
        assertThat(SpokenCue.quotedWords(cue("she says 'over here' and he answers “coming”, it's \"fine\"")))
                .containsExactly("over here", "coming", "fine");
    }

    @Test
    void quotedWords_apostrophesInsideWords_areNotQuotes() {
        assertThat(SpokenCue.quotedWords(cue("the dog's bowl and the cats' toys")))
                .isEmpty();
    }
}
