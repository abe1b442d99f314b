package dev.reelforge.core.scene;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much of the scene a shot frames, as storyboards name it ("wide shot", "close-up", "MCU"). Checked in this
 * order, so "extreme close-up" is not read as "close-up" and "medium close-up" not as "medium".
 */
public enum ShotSize {
    EXTREME_WIDE("extreme wide", "extreme wide|extreme long shot|establishing|aerial (?:shot|view)|\\bews\\b"),
    EXTREME_CLOSE_UP("extreme close-up", "extreme close[- ]?up|\\becu\\b|\\bxcu\\b|macro shot"),
    MEDIUM_CLOSE_UP("medium close-up", "medium close[- ]?up|\\bmcu\\b"),
    CLOSE_UP("close-up", "close[- ]?up|closeup|\\bcu\\b|tight shot|insert(?: shot)?\\b"),
    MEDIUM_WIDE("medium wide", "medium wide|medium long|cowboy shot"),
    MEDIUM(
            "medium",
            "medium shot|mid[- ]shot|\\bms\\b|waist[- ]up|medium framing|\\bmedium\\b(?= of| on|[,.:;])|^medium\\b"),
    FULL("full", "full shot|full[- ]body|long shot|\\bls\\b|^full\\b(?=[,.:;])"),
    WIDE("wide", "wide shot|wide angle|wide-angle|wide framing|\\bws\\b|\\bwide\\b(?= of| on| view|[,.:;])|^wide\\b"),
    UNSPECIFIED("unspecified", "(?!)");

    private final String wireName;
    private final Pattern words;

    ShotSize(String wireName, String words) {
        this.wireName = wireName;
        this.words = Pattern.compile(words);
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The size the text names, or {@link #UNSPECIFIED}. */
    public static ShotSize namedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        for (ShotSize size : values()) {
            if (size.words.matcher(lower).find()) {
                return size;
            }
        }
        return UNSPECIFIED;
    }
}
