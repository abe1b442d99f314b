package dev.reelforge.core.request;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the timecodes creators write: {@code 00:02}, {@code 0:02}, {@code 00:02.3}, {@code 1:05}, {@code 00:00:02}, seconds with a
 * unit ({@code 2.5s}, {@code 3 sec}, {@code 4 seconds}), a bare number where the unit follows later in a range
 * ({@code 0–3s}), and frame numbers ({@code frame 31}, converted with the request's fps).
 */
public final class Timecode {
    /**
     * Minutes and seconds, {@code 00:02} or {@code 1:05.25}, optionally after hours ({@code 00:00:03}). Seconds of 60 or
     * more match and are then refused.
     */
    static final String CLOCK = "(?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?";
    /** Seconds with their unit: {@code 3s}, {@code 2.5 s}, {@code 3 sec}, {@code 4 seconds}. */
    static final String SECONDS = "\\d{1,3}(?:\\.\\d{1,3})?\\s?(?:seconds?|secs?|s)(?!\\p{L})";
    /** A clock time or seconds with a unit: the forms that are a time on their own. */
    static final String PATTERN = "(?:" + CLOCK + "|" + SECONDS + ")";

    private static final Pattern MINUTES_SECONDS =
            Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2}(?:\\.\\d{1,3})?)");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)\\s?(?:seconds?|secs?|s)?");

    private Timecode() {}

    /** Seconds from the start of the clip; throws {@link IllegalArgumentException} for {@code 00:75} and non-times. */
    public static double seconds(String text) {
        String time = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = MINUTES_SECONDS.matcher(time);
        if (m.matches()) {
            double seconds = Double.parseDouble(m.group(3));
            int minutes = Integer.parseInt(m.group(2));
            if (seconds >= 60) {
                throw new IllegalArgumentException("seconds must be below 60 in " + text.strip());
            }
            if (m.group(1) != null && minutes >= 60) {
                throw new IllegalArgumentException("minutes must be below 60 in " + text.strip());
            }
            int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            return hours * 3600 + minutes * 60 + seconds;
        }
        Matcher n = NUMBER.matcher(time);
        if (n.matches()) {
            return Double.parseDouble(n.group(1));
        }
        throw new IllegalArgumentException("not a timecode: " + text.strip());
    }

    /**
     * When frame {@code frame} (counted from 1, as editors and storyboards number them) starts, in seconds; frame 0
     * is read as the start too.
     */
    static double frameStart(int frame, int fps) {
        return Math.max(frame - 1, 0) / (double) fps;
    }

    /** When frame {@code frame}, counted from 1, ends: the end of a range like {@code Frames 1–30}. */
    static double frameEnd(int frame, int fps) {
        return frame / (double) fps;
    }
}
