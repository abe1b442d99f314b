package dev.reelforge.core.sequence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one shot hands over to the next when accepted shots are stitched: a hard cut, or a crossfade where the
 * storyboard asks for a dissolve. The wire names are what the shot plan carries through the state machine.
 */
public enum Transition {
    CUT,
    CROSSFADE;

    private static final Pattern DISSOLVE =
            Pattern.compile("\\b(dissolves? (to|into)|cross-?fades? (to|into)?|crossfade|fades? (in)?to|mix to)\\b");

    /** The transition into a shot whose first beat reads {@code text}: a crossfade when it says so, else a cut. */
    public static Transition into(String text) {
        return DISSOLVE.matcher(text.toLowerCase(Locale.ROOT)).find() ? CROSSFADE : CUT;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
