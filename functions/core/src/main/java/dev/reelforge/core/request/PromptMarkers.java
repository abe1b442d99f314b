package dev.reelforge.core.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a prompt line changes what it is saying: a beat's time range ({@code 00:00–00:03:}, {@code 0-3s},
 * {@code Frames 1–30:}, {@code Shot 2 (00:03 to 00:06)}), a start-only mark ({@code [00:03]}, {@code 00:03:} at
 * the start of a line, or a sentence opening "at 00:03"), "in the first 2 seconds" (0–2 s), a sound list ({@code Audio:}, {@code Sound:}, {@code SFX:}) or another section label
 * ({@code Camera:}, {@code Lighting:}), which ends a sound list. A range in running prose ("waits 2-3 s") is not a
 * beat: mid-line it needs a colon, dash, bracket or label, or must open a sentence.
 */
final class PromptMarkers {
    /** What the text after a marker is. */
    enum Region {
        DESCRIPTION,
        BEAT,
        AUDIO
    }

    /** The kinds of marker, each ending a region differently. */
    enum Kind {
        RANGE,
        START,
        AUDIO,
        SECTION
    }

    private static final String SEP = "\\s*(?:→|->|–|—|‒|−|-|\\bto\\b|\\buntil\\b|\\btill\\b)\\s*";
    private static final String NUMBER = "\\d{1,3}(?:\\.\\d{1,3})?";
    private static final String START_TIME =
            "(?:" + Timecode.CLOCK + "|" + Timecode.SECONDS + "|\\d{1,3}(?:\\.\\d{1,3})?)";
    private static final String TERM = "\\s*(?<term>:|\\||[–—-](?=\\s)|,)?";
    private static final Pattern RANGE = Pattern.compile(
            "(?<label>\\b(?<labelWord>shot|scene|beat|panel|clip|part)\\s*#?\\d{1,2}\\s*[:,.|–—-]?\\s*)?"
                    + "(?:\\b(?:timestamps?|timecode|time)\\s*:?\\s*)?(?<open>[\\[(]\\s*)?(?:from\\s+)?"
                    + "(?:(?<frames>\\bframes?\\s*#?)(?<f1>\\d{1,5})" + SEP + "(?:frames?\\s*#?)?(?<f2>\\d{1,5})"
                    + "|(?<![\\d:.])(?<t1>" + START_TIME + ")" + SEP + "(?<t2>" + Timecode.PATTERN + ")"
                    + "|(?<secondsWord>\\bsec(?:ond)?s?\\s+)?(?<![\\d:.])(?<b1>" + NUMBER + ")" + SEP + "(?<b2>"
                    + NUMBER
                    + ")(?![\\d.\\p{L}]|:\\d))"
                    + "\\s*(?<close>[\\])])?" + TERM,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern START = Pattern.compile(
            "(?<open>[\\[(]\\s*)?(?:\\bat\\s+)?(?<![\\d:.])(?<t>" + Timecode.PATTERN + ")\\s*(?<close>[\\])])?" + TERM,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_SECONDS = Pattern.compile(
            "\\b(?:in|for|during|over) the first (?<n>" + NUMBER
                    + "|one|two|three|four|five) (?:seconds?|secs?|s)\\b\\s*,?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUDIO = Pattern.compile(
            "\\b(?:audio|sounds?|sfx|sound effects|sound design|soundscape|soundtrack|music|foley|ambien(?:ce|t)|ambiance)"
                    + "(?:\\s+cues?)?"
                    + "\\s*(?::|[–—](?=\\s)|-(?=\\s))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile(
            "\\b(?:camera|lighting|light|lens|style|mood|look|setting|scene|subjects?|action|environment|location"
                    + "|composition|visuals?|framing|palette|colou?r palette"
                    + "|notes?|negative|avoid|dialogue|voiceover|vo)\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_LEAD = Pattern.compile("\\s*(?:[-*•>]+|\\d{1,2}[.)]|#+)?\\s*");
    private static final Pattern LIST_LINE =
            Pattern.compile("^\\s*(?:[-*•]|\\d|\\[|\\()|(?<![\\d:.])" + Timecode.PATTERN, Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_WORDS = Pattern.compile(
            "\\d|\\b(?:shot|scene|beat|panel|wide|close|medium"
                    + "|establishing|insert|cut|angle|pov|opening|ending|final|intro|outro|hook|reveal)",
            Pattern.CASE_INSENSITIVE);

    /**
     * One marker; {@code start} is where the text before it ends (a leading bullet belongs to the marker), and
     * {@code end} where the text after it begins. A {@code trailing} range closes the sentence it times
     * ({@code Wide shot of the harbour (0–3s).}), so the beat's text is before it. Frame ranges keep their frame
     * numbers, converted once the whole prompt shows how it counts them. {@code shotLabel} keeps a numbered shot or
     * scene label ({@code Shot 2}), which starts a shot of its own. A beat whose time cannot be read carries a
     * {@code problem}.
     */
    record Marker(
            Kind kind,
            int start,
            int end,
            boolean strong,
            boolean trailing,
            double startSeconds,
            double endSeconds,
            int firstFrame,
            int lastFrame,
            String shotLabel,
            String problem) {
        /** Whether the beat's times were frame numbers. */
        boolean inFrames() {
            return firstFrame >= 0;
        }

        boolean isBeat() {
            return kind == Kind.RANGE || kind == Kind.START;
        }

        /** Whether this marker ends text of the given region; inside a sound list only strong markers do. */
        boolean endsRegion(Region region) {
            return switch (kind) {
                case AUDIO -> true;
                case SECTION -> region == Region.AUDIO;
                case RANGE -> strong || region != Region.AUDIO;
                case START -> region != Region.AUDIO;
            };
        }
    }

    private PromptMarkers() {}

    static List<Marker> find(String line, int fps) {
        List<Marker> markers = new ArrayList<>();
        Matcher lead = LINE_LEAD.matcher(line);
        int leadEnd = lead.lookingAt() ? lead.end() : 0;
        Matcher range = RANGE.matcher(line);
        while (range.find()) {
            boolean atLineStart = range.start() <= leadEnd;
            if (range.group("b1") != null
                    && range.group("secondsWord") == null
                    && !(atLineStart && ":".equals(range.group("term")))) {
                continue;
            }
            boolean strong = range.group("frames") != null
                    || range.group("label") != null
                    || atLineStart
                    || range.group("open") != null && range.group("close") != null
                    || strongTerm(range.group("term"));
            if (strong || opensSentence(line, range.start())) {
                boolean trailing = !atLineStart
                        && range.group("open") != null
                        && range.group("close") != null
                        && range.group("term") == null
                        && closesSentence(line, range.end());
                markers.add(range(range, atLineStart ? 0 : range.start(), strong, trailing, fps));
            }
        }
        Matcher first = FIRST_SECONDS.matcher(line);
        while (first.find()) {
            if (first.start() <= leadEnd || opensSentence(line, first.start())) {
                markers.add(new Marker(
                        Kind.RANGE,
                        first.start() <= leadEnd ? 0 : first.start(),
                        first.end(),
                        true,
                        false,
                        0,
                        wordOrNumber(first.group("n")),
                        -1,
                        -1,
                        "",
                        null));
            }
        }
        Matcher start = START.matcher(line);
        while (start.find()) {
            boolean atLineStart = start.start() <= leadEnd;
            boolean squareBracketed = "[".equals(strip(start.group("open"))) && "]".equals(start.group("close"));
            String term = start.group("term");
            boolean atComma =
                    ",".equals(term) && start.group(0).toLowerCase(Locale.ROOT).startsWith("at ");
            boolean marked = start.group("close") != null || term != null && (!",".equals(term) || atComma);
            boolean atOpensSentence =
                    start.group(0).toLowerCase(Locale.ROOT).startsWith("at ") && opensSentence(line, start.start());
            if ((squareBracketed || atLineStart && marked || atOpensSentence)
                    && markers.stream().noneMatch(m -> overlaps(m, start))) {
                markers.add(single(start, atLineStart ? 0 : start.start()));
            }
        }
        addLabels(AUDIO, Kind.AUDIO, line, leadEnd, markers);
        addLabels(SECTION, Kind.SECTION, line, leadEnd, markers);
        markers.sort(Comparator.comparingInt(Marker::start));
        return markers;
    }

    /** A line after a bare {@code Audio:} that still reads like a list item: a bullet, a number or a time. */
    static boolean continuesList(String line) {
        return LIST_LINE.matcher(line).find() && !SECTION.matcher(line).lookingAt();
    }

    /** Short text before a beat's range on its line, like {@code Shot 2 — Close-up (0:03–0:06):}, names the beat. */
    static boolean isHeading(String text) {
        String heading = text.strip();
        return !heading.isEmpty()
                && heading.length() <= 40
                && !heading.matches(".*[.!?;].*")
                && HEADING_WORDS.matcher(heading).find();
    }

    private static void addLabels(Pattern label, Kind kind, String line, int leadEnd, List<Marker> markers) {
        Matcher m = label.matcher(line);
        while (m.find()) {
            int at = m.start();
            if (markers.stream().noneMatch(other -> at >= other.start() && at < other.end())) {
                markers.add(new Marker(kind, at <= leadEnd ? 0 : at, m.end(), true, false, 0, 0, -1, -1, "", null));
            }
        }
    }

    private static Marker range(Matcher m, int from, boolean strong, boolean trailing, int fps) {
        try {
            if (m.group("frames") != null) {
                int first = Integer.parseInt(m.group("f1"));
                int last = Integer.parseInt(m.group("f2"));
                if (last < first) {
                    return problem(m, from, "frame " + last + " comes before frame " + first);
                }
                return new Marker(
                        Kind.RANGE,
                        from,
                        m.end(),
                        strong,
                        trailing,
                        Timecode.frameStart(first, fps),
                        Timecode.frameEnd(last, fps),
                        first,
                        last,
                        shotLabel(m),
                        null);
            }
            boolean bare = m.group("b1") != null;
            return new Marker(
                    Kind.RANGE,
                    from,
                    m.end(),
                    strong,
                    trailing,
                    Timecode.seconds(m.group(bare ? "b1" : "t1")),
                    Timecode.seconds(m.group(bare ? "b2" : "t2")),
                    -1,
                    -1,
                    shotLabel(m),
                    null);
        } catch (IllegalArgumentException badTime) {
            return problem(m, from, badTime.getMessage());
        }
    }

    private static Marker single(Matcher m, int from) {
        try {
            return new Marker(
                    Kind.START,
                    from,
                    m.end(),
                    true,
                    false,
                    Timecode.seconds(m.group("t")),
                    Double.NaN,
                    -1,
                    -1,
                    "",
                    null);
        } catch (IllegalArgumentException badTime) {
            return new Marker(Kind.START, from, m.end(), true, false, 0, Double.NaN, -1, -1, "", badTime.getMessage());
        }
    }

    private static Marker problem(Matcher m, int from, String message) {
        return new Marker(Kind.RANGE, from, m.end(), true, false, 0, 0, -1, -1, "", message);
    }

    private static double wordOrNumber(String n) {
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            default -> Double.parseDouble(n);
        };
    }

    /** "Shot 2" or "Scene 3" before the range, kept as the beat's heading; other labels ("Beat 1") are dropped. */
    private static String shotLabel(Matcher m) {
        String word = m.group("labelWord");
        if (word == null || !(word.equalsIgnoreCase("shot") || word.equalsIgnoreCase("scene"))) {
            return "";
        }
        return m.group("label").strip().replaceAll("[:,.|–—-]+$", "").strip();
    }

    private static boolean closesSentence(String line, int at) {
        String rest = line.substring(at).stripLeading();
        return rest.isEmpty() || ".;!?".indexOf(rest.charAt(0)) >= 0;
    }

    private static boolean strongTerm(String term) {
        return term != null && !",".equals(term);
    }

    private static boolean opensSentence(String line, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(line.charAt(i))) {
            i--;
        }
        return i < 0 || ".;!?".indexOf(line.charAt(i)) >= 0;
    }

    private static boolean overlaps(Marker marker, Matcher m) {
        return m.start() < marker.end() && m.end() > marker.start()
                || m.start() >= marker.start() && m.start() < marker.end();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
