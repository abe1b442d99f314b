package dev.reelforge.core.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells a spoken audio cue from a sound: {@code she says 'over here' at 00:02} is a line of dialogue that must be
 * heard starting at 00:02; {@code hard ceramic impact at 00:03.2} is not. A cue is spoken when its description
 * quotes words ('…', "…", ‘…’, “…”, «…») or reports speech ("says", "whispers", "shouts", "yells", "asks",
 * "calls out", "dialogue", "voiceover", "VO:" …). A quote of one sound word ({@code a loud 'bang'}) is a sound
 * effect, not a line, unless speech is reported as well. Pure.
 *
 * <pre>{@code
 * List<AudioCue> lines = storyboard.audioCues().stream().filter(SpokenCue::isSpeech).toList();
 * }</pre>
 */
public final class SpokenCue {
    private static final Pattern QUOTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])'([^']*\\p{L}[^']*)'(?![\\p{L}\\p{N}])|\"([^\"]*\\p{L}[^\"]*)\"|‘([^’]*\\p{L}[^’]*)’"
                    + "|“([^”]*\\p{L}[^”]*)”|«([^»]*\\p{L}[^»]*)»");
    private static final Pattern REPORTS_SPEECH = Pattern.compile(
            "\\b(?:says?|said|saying|speaks?|spoke|speaking|talks?"
                    + "|talking|whispers?|whispered|whispering|shouts?|shouted|shouting|yells?|yelled|yelling|asks?|asked|asking"
                    + "|(?:calls?|called|calling|cries|cried|crying) out|replies|replied|answers?|answered|mutters?|muttered"
                    + "|murmurs?|murmured|exclaims?|exclaimed|announces?|announced|narrates?|narrated|narrator|narration"
                    + "|dialogue|dialog|voice-?overs?|voice overs?|speech)\\b|(?:^|[\\s(])v\\.?o\\.?(?:\\)|:|\\s|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words writers quote as sounds, not lines ({@code the 'thud' of the mug}), with repeated letters collapsed. */
    private static final Set<String> SOUND_WORDS = Stream.of(
                    "bang", "boom", "kaboom", "crash", "thud", "thump", "clank", "clang", "clink", "click", "clack",
                    "pop", "snap", "crack", "whoosh", "swoosh", "whack", "smack", "thwack", "splash", "splat", "ding",
                    "dong", "beep", "buzz", "hiss", "whirr", "zap", "tick", "tock", "knock", "ring", "squeak", "creak",
                    "rumble", "screech", "honk", "vroom", "woof", "meow", "moo", "tweet", "chirp")
            .map(SpokenCue::collapsed)
            .collect(Collectors.toUnmodifiableSet());

    private SpokenCue() {}

    /** Whether the cue is a line someone speaks, so its moment is matched against speech rather than any sound. */
    public static boolean isSpeech(AudioCue cue) {
        return REPORTS_SPEECH.matcher(cue.description()).find()
                || quotedWords(cue).stream().anyMatch(q -> !isSoundEffect(q));
    }

    /** The quoted passages of the description, without their quote marks, in order. */
    public static List<String> quotedWords(AudioCue cue) {
        List<String> quotes = new ArrayList<>();
        Matcher m = QUOTED.matcher(cue.description());
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    quotes.add(m.group(g).strip());
                }
            }
        }
        return quotes;
    }

    /** A quote made only of sound words: {@code 'bang'}, {@code "tick tock"}, {@code 'BOOOM!'}. */
    private static boolean isSoundEffect(String quoted) {
        String[] words = quoted.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        return Arrays.stream(words).filter(w -> !w.isEmpty()).allMatch(w -> SOUND_WORDS.contains(collapsed(w)));
    }

    private static String collapsed(String word) {
        return word.replaceAll("(\\p{L})\\1+", "$1");
    }
}
