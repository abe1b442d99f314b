package dev.reelforge.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sound list that follows {@code Audio:}, {@code Sound:} or {@code SFX:}. Items are separated by commas,
 * semicolons, {@code |}, full stops, or "and"/"then" where one side carries a time and the other is a sound of its own
 * ("room tone and a thud at 00:03" is two items, "knife and fork clatter at 00:02" one). An item is timed in any of the
 * ways creators write it: {@code clink at 00:02}, {@code at 00:02, clink}, {@code 00:02 clink}, {@code clink (00:02)},
 * {@code clink @ 2.5s}, {@code whir 0-2s}, {@code thud at frame 72}, {@code thunder at the 3-second mark}. An item
 * without a time is ambience. An item that is only a time names the next item's sound ({@code at 00:02, clink}) or
 * else repeats the previous one ({@code thud at 00:02 and 00:04}).
 */
final class CueList {
    private static final String SEP = "\\s*(?:–|—|‒|−|-|\\bto\\b)\\s*";
    private static final String TIME = "(?:" + Timecode.CLOCK + "|(?:the\\s+)?\\d{1,3}(?:\\.\\d{1,3})?[- ]second mark|"
            + Timecode.SECONDS + "|\\bframe\\s*#?\\d{1,5})";
    private static final Pattern TIMED = Pattern.compile(
            "(?:(?:\\bat|\\bfrom|\\baround|\\bstarting at|@|~)\\s*)?[\\[(]?\\s*(?:at\\s*)?(?<![\\d:.])"
                    + "(?:(?<bare>\\d{1,3}(?:\\.\\d{1,3})?)" + SEP + "(?=" + TIME + "))?(?<at>" + TIME + ")"
                    + "(?:" + SEP + "(?<until>" + TIME + "))?\\s*[\\])]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_TIME = Pattern.compile("(?<![\\d:.])" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern JOINER =
            Pattern.compile("\\s+(?:and|then|followed by|&)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECOND_MARK =
            Pattern.compile("(?:the\\s+)?(\\d{1,3}(?:\\.\\d{1,3})?)[- ]second mark", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME = Pattern.compile("frame\\s*#?(\\d{1,5})", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE = Pattern.compile("^[\\s,:;–—\\-|.]+|[\\s,:;–—\\-|]+$");
    private static final Pattern LEADING_AT = Pattern.compile("\\s*(?:at|@)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGLING_AT = Pattern.compile("^(?:at|@)\\s+|\\s+(?:at|@)$", Pattern.CASE_INSENSITIVE);

    /** The timed sounds and the untimed ones (ambience) of one list. */
    record Sounds(List<AudioCue> cues, List<String> ambience) {}

    private CueList() {}

    /**
     * @throws IllegalArgumentException naming the item whose time is impossible ({@code 00:75})
     */
    static Sounds parse(String list, int fps) {
        return parse(items(list), fps);
    }

    /** One sound written on its own, as a request's {@code audioCues} entry is: its commas do not split it. */
    static Sounds parseOne(String sound, int fps) {
        return parse(List.of(sound), fps);
    }

    private static Sounds parse(List<String> items, int fps) {
        List<AudioCue> cues = new ArrayList<>();
        List<String> ambience = new ArrayList<>();
        String previousSound = "";
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            List<Double> times = new ArrayList<>();
            Matcher m = TIMED.matcher(item);
            StringBuilder sound = new StringBuilder();
            while (m.find()) {
                try {
                    times.add(
                            m.group("bare") != null ? Timecode.seconds(m.group("bare")) : seconds(m.group("at"), fps));
                } catch (IllegalArgumentException badTime) {
                    throw new IllegalArgumentException("'" + item + "': " + badTime.getMessage(), badTime);
                }
                m.appendReplacement(sound, " ");
            }
            m.appendTail(sound);
            String text = clean(sound.toString());
            if (times.isEmpty()) {
                if (!text.isEmpty()) {
                    ambience.add(text);
                }
                continue;
            }
            if (text.isEmpty()
                    && i + 1 < items.size()
                    && !HAS_TIME.matcher(items.get(i + 1)).find()
                    && (previousSound.isEmpty() || LEADING_AT.matcher(item).lookingAt())) {
                text = clean(items.get(++i));
            }
            String description = text.isEmpty() ? previousSound : text;
            if (description.isEmpty()) {
                continue;
            }
            times.forEach(t -> cues.add(new AudioCue(t, description)));
            previousSound = description;
        }
        return new Sounds(cues, ambience);
    }

    /** Whether the text carries a time a cue could have. */
    static boolean hasTime(String text) {
        return HAS_TIME.matcher(text).find();
    }

    private static double seconds(String time, int fps) {
        Matcher mark = SECOND_MARK.matcher(time);
        if (mark.matches()) {
            return Double.parseDouble(mark.group(1));
        }
        Matcher frame = FRAME.matcher(time);
        return frame.matches() ? Timecode.frameStart(Integer.parseInt(frame.group(1)), fps) : Timecode.seconds(time);
    }

    private static String clean(String text) {
        String cleaned = text.replaceAll("\\(\\s*\\)|\\[\\s*]", " ").replaceAll("\\s+", " ");
        String previous;
        do {
            previous = cleaned;
            cleaned = DANGLING_AT.matcher(EDGE.matcher(cleaned).replaceAll("")).replaceAll("");
        } while (!cleaned.equals(previous));
        return balanced(cleaned).strip();
    }

    /** Drops a closing bracket left over from {@code (audio: hum)} written inside a beat. */
    private static String balanced(String text) {
        if (text.endsWith(")") && text.indexOf('(') < 0) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** The list's items: split at separators outside quotes and brackets, then at timed "and"/"then". */
    static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String part : topLevelParts(list)) {
            items.addAll(splitJoined(part));
        }
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                quoted = c == '"' ? !quoted : c == '“';
            } else if (c == '\'' && !quoted && (i == 0 || !Character.isLetterOrDigit(list.charAt(i - 1)))) {
                int close = closingQuote(list, i + 1);
                if (close > 0) {
                    current.append(list, i, close + 1);
                    i = close;
                    continue;
                }
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            boolean fullStop = c == '.' && (i + 1 == list.length() || Character.isWhitespace(list.charAt(i + 1)));
            if (!quoted && depth == 0 && (c == ',' || c == ';' || c == '|' || c == '•' || fullStop)) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Where a single quote opened at {@code from - 1} closes ('wait, no'), or -1; an apostrophe (dog's) does not. */
    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\'' && (i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitJoined(String part) {
        List<String> pieces = new ArrayList<>();
        Matcher joiner = JOINER.matcher(part);
        int from = 0;
        while (joiner.find()) {
            String left = part.substring(from, joiner.start());
            String right = part.substring(joiner.end());
            boolean rightTimed = HAS_TIME.matcher(right).find();
            boolean leftIsASound = left.strip().split("\\s+").length > 1;
            if (HAS_TIME.matcher(left).find() || startsWithTime(right) || rightTimed && leftIsASound) {
                pieces.add(left);
                from = joiner.end();
            }
        }
        pieces.add(part.substring(from));
        return pieces;
    }

    private static boolean startsWithTime(String text) {
        Matcher m = TIMED.matcher(text.strip().toLowerCase(Locale.ROOT));
        return m.lookingAt();
    }
}
