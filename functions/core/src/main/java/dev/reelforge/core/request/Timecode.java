package dev.reelforge.core.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the timecodes creators write: {@code 00:02}, {@code 00:02.3}, {@code 1:05}, or plain seconds {@code 2.5s}. */
final class Timecode {
    static final String PATTERN = "(?:\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?|\\d{1,3}(?:\\.\\d{1,3})?s)";
    private static final Pattern MINUTES_SECONDS = Pattern.compile("(\\d{1,2}):(\\d{2}(?:\\.\\d{1,3})?)");

    private Timecode() {}

    static double seconds(String text) {
        Matcher m = MINUTES_SECONDS.matcher(text);
        if (m.matches()) {
            double seconds = Double.parseDouble(m.group(2));
            if (seconds >= 60) {
                throw new IllegalArgumentException("seconds must be below 60 in " + text);
            }
            return Integer.parseInt(m.group(1)) * 60 + seconds;
        }
        if (text.endsWith("s")) {
            return Double.parseDouble(text.substring(0, text.length() - 1));
        }
        throw new IllegalArgumentException("not a timecode: " + text);
    }
}
