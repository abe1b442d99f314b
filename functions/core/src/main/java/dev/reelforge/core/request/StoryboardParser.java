package dev.reelforge.core.request;

import dev.reelforge.core.error.InvalidRequestException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the structure creators put into prompt text, written the ways the guides teach it: beats one per line or
 * inline in one paragraph ({@code 00:00–00:03: wide shot … 00:03–00:06: close-up …}), ranges with an en dash, em
 * dash, hyphen or "to", times as {@code MM:SS}, {@code M:SS}, {@code 3s} or decimals, frame ranges
 * ({@code Frames 1–30:}, converted with the fps), and start-only marks ({@code [00:03] close-up}). Sound lists follow
 * {@code Audio:}, {@code Sound:} or {@code SFX:} anywhere in a line ({@link CueList}). Everything else is the overall
 * description. Problems are collected, not thrown, so the caller can report them all at once.
 *
 * <pre>{@code
 * Storyboard board = new StoryboardParser().parse(prompt, List.of(), 6, 24).storyboard();
 * }</pre>
 */
public final class StoryboardParser {
    private static final int DEFAULT_FPS = 24;
    /** Where a sentence ends and a capitalised one begins: past the first, a sentence without a time ends a sound list. */
    private static final Pattern AFTER_SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\s\\p{Punct}–—]*");

    /** Parsed storyboard plus anything that could not be understood. */
    public record Result(Storyboard storyboard, List<Problem> problems) {}

    /** As {@link #parse(String, List, double, int)} at 24 fps, the request default. */
    public Result parse(String prompt, List<String> extraCues, double durationSeconds) {
        return parse(prompt, extraCues, durationSeconds, DEFAULT_FPS);
    }

    /** The storyboard of {@code prompt} plus the request's own {@code audioCues}, checked against the duration. */
    public Result parse(String prompt, List<String> extraCues, double durationSeconds, int fps) {
        Reading reading = new Reading(Math.max(fps, 1));
        for (String line : prompt.split("\\R")) {
            reading.line(line);
        }
        for (int i = 0; i < extraCues.size(); i++) {
            reading.extraCue("audioCues[" + i + "]", extraCues.get(i).strip());
        }
        List<Problem> problems = reading.problems;
        List<Beat> beats = reading.beats(durationSeconds);
        List<AudioCue> cues = new ArrayList<>(reading.cues);
        cues.sort(Comparator.comparingDouble(AudioCue::atSeconds));
        checkTimeline(beats, cues, durationSeconds, problems);
        String description = String.join(" ", reading.description);
        if (beats.isEmpty()) {
            beats.add(new Beat(0, durationSeconds, description));
        }
        return new Result(new Storyboard(description, beats, cues, reading.ambience), problems);
    }

    /** The state of one pass over the prompt: what each region of text turned out to be. */
    private static final class Reading {
        private final int fps;
        private final List<Problem> problems = new ArrayList<>();
        private final List<OpenBeat> openBeats = new ArrayList<>();
        private final List<AudioCue> cues = new ArrayList<>();
        private final List<String> ambience = new ArrayList<>();
        private final List<String> description = new ArrayList<>();
        private PromptMarkers.Region carried = PromptMarkers.Region.DESCRIPTION;

        Reading(int fps) {
            this.fps = fps;
        }

        void line(String line) {
            if (line.isBlank()) {
                carried = PromptMarkers.Region.DESCRIPTION;
                return;
            }
            PromptMarkers.Region region = carriedInto(line);
            int textStart = 0;
            String heading = "";
            for (PromptMarkers.Marker marker : PromptMarkers.find(line, fps)) {
                if (marker.start() < textStart || !marker.endsRegion(region)) {
                    continue;
                }
                String before = line.substring(textStart, marker.start());
                if (marker.trailing() && region == PromptMarkers.Region.DESCRIPTION && !before.isBlank()) {
                    int sentence = lastSentenceEnd(before);
                    flush(region, before.substring(0, sentence));
                    region = open(marker, line, before.substring(sentence).strip());
                    region = marker.problem() == null ? PromptMarkers.Region.DESCRIPTION : region;
                    textStart = marker.end();
                    continue;
                }
                if (marker.isBeat()
                        && region == PromptMarkers.Region.DESCRIPTION
                        && textStart == 0
                        && PromptMarkers.isHeading(before)) {
                    heading = before.strip();
                } else {
                    flush(region, before);
                    heading = "";
                }
                region = open(marker, line, heading);
                textStart = marker.end();
            }
            String rest = line.substring(textStart);
            flush(region, rest);
            boolean empty = rest.isBlank();
            carried = switch (region) {
                case AUDIO ->
                    empty || carried == PromptMarkers.Region.AUDIO
                            ? PromptMarkers.Region.AUDIO
                            : PromptMarkers.Region.DESCRIPTION;
                case BEAT ->
                    empty || carried == PromptMarkers.Region.BEAT && textStart == 0
                            ? PromptMarkers.Region.BEAT
                            : PromptMarkers.Region.DESCRIPTION;
                case DESCRIPTION -> PromptMarkers.Region.DESCRIPTION;
            };
        }

        /** A line after {@code Audio:} alone continues the list while it reads like one (a bullet or a time). */
        private PromptMarkers.Region carriedInto(String line) {
            if (carried == PromptMarkers.Region.AUDIO && !PromptMarkers.continuesList(line)) {
                return PromptMarkers.Region.DESCRIPTION;
            }
            if (carried == PromptMarkers.Region.BEAT && openBeats.isEmpty()) {
                return PromptMarkers.Region.DESCRIPTION;
            }
            return carried;
        }

        private PromptMarkers.Region open(PromptMarkers.Marker marker, String line, String heading) {
            return switch (marker.kind()) {
                case AUDIO -> PromptMarkers.Region.AUDIO;
                case SECTION -> {
                    description.add(line.substring(marker.start(), marker.end()).strip());
                    yield PromptMarkers.Region.DESCRIPTION;
                }
                case RANGE, START -> {
                    if (marker.problem() != null) {
                        problems.add(new Problem(
                                "prompt",
                                "beat '" + line.substring(marker.start()).strip() + "': " + marker.problem()));
                        yield PromptMarkers.Region.DESCRIPTION;
                    }
                    openBeats.add(new OpenBeat(marker, line.strip(), heading.isEmpty() ? marker.shotLabel() : heading));
                    yield PromptMarkers.Region.BEAT;
                }
            };
        }

        private void flush(PromptMarkers.Region region, String text) {
            switch (region) {
                case DESCRIPTION -> {
                    if (!text.isBlank() && !PUNCTUATION_ONLY.matcher(text).matches()) {
                        description.add(text.strip());
                    }
                }
                case BEAT -> openBeats.get(openBeats.size() - 1).append(text);
                case AUDIO -> {
                    String[] sentences = AFTER_SENTENCE.split(text);
                    StringBuilder list = new StringBuilder(sentences[0]);
                    int prose = 1;
                    while (prose < sentences.length && CueList.hasTime(sentences[prose])) {
                        list.append(' ').append(sentences[prose++]);
                    }
                    for (int i = prose; i < sentences.length; i++) {
                        description.add(sentences[i].strip());
                    }
                    try {
                        CueList.Sounds sounds = CueList.parse(list.toString(), fps);
                        cues.addAll(sounds.cues());
                        ambience.addAll(sounds.ambience());
                    } catch (IllegalArgumentException badTime) {
                        problems.add(new Problem("prompt", "audio cue " + badTime.getMessage()));
                    }
                }
            }
        }

        void extraCue(String field, String text) {
            try {
                List<AudioCue> timed = CueList.parseOne(text, fps).cues();
                if (timed.isEmpty()) {
                    problems.add(new Problem(field, "'" + text + "' has no time; write it as '<sound> at MM:SS'"));
                }
                cues.addAll(timed);
            } catch (IllegalArgumentException badTime) {
                problems.add(new Problem(field, badTime.getMessage()));
            }
        }

        /** The beats in time order; a start-only beat runs until the next beat starts, or to the end of the clip. */
        List<Beat> beats(double durationSeconds) {
            FrameCount counting = FrameCount.of(openBeats.stream()
                    .filter(b -> b.marker.inFrames())
                    .map(b -> b.marker)
                    .toList());
            openBeats.replaceAll(b -> b.counted(counting, fps));
            List<OpenBeat> sorted = new ArrayList<>(openBeats);
            sorted.sort(Comparator.comparingDouble(OpenBeat::start));
            List<Beat> beats = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                OpenBeat open = sorted.get(i);
                double end = Double.isNaN(open.end)
                        ? (i + 1 < sorted.size() ? sorted.get(i + 1).start : durationSeconds)
                        : open.end;
                if (end <= open.start) {
                    problems.add(new Problem(
                            "prompt",
                            Double.isNaN(open.end)
                                    ? String.format(
                                            Locale.ROOT,
                                            "beat '%s' starts at %.1f s, at or after the clip's end",
                                            open.source,
                                            open.start)
                                    : "beat '" + open.source + "' must end after it starts"));
                    continue;
                }
                beats.add(new Beat(open.start, end, open.text()));
            }
            return beats;
        }
    }

    /** A beat whose text is still being read; {@code end} is NaN for a start-only mark. */
    private static final class OpenBeat {
        private final PromptMarkers.Marker marker;
        private final double start;
        private final double end;
        private final String source;
        private final String heading;
        private final StringBuilder text = new StringBuilder();

        OpenBeat(PromptMarkers.Marker marker, String source, String heading) {
            this(marker, marker.startSeconds(), marker.endSeconds(), source, heading);
        }

        private OpenBeat(PromptMarkers.Marker marker, double start, double end, String source, String heading) {
            this.marker = marker;
            this.start = start;
            this.end = end;
            this.source = source;
            this.heading = heading;
        }

        /** This beat with its frame numbers read the way the whole prompt counts frames. */
        OpenBeat counted(FrameCount counting, int fps) {
            if (!marker.inFrames()) {
                return this;
            }
            OpenBeat counted = new OpenBeat(
                    marker,
                    counting.start(marker.firstFrame(), fps),
                    counting.end(marker.lastFrame(), fps),
                    source,
                    heading);
            counted.text.append(text);
            return counted;
        }

        double start() {
            return start;
        }

        void append(String more) {
            String cleaned =
                    more.strip().replaceAll("^[:;,.|–—\\-)\\]\\s]+", "").replaceAll("[;,|–—\\-(\\[\\s]+$", "");
            if (!cleaned.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(cleaned);
            }
        }

        String text() {
            return heading.isEmpty() ? text.toString() : text.length() == 0 ? heading : heading + ": " + text;
        }
    }

    /** Where the last sentence of {@code text} begins: after its last full stop, semicolon, ! or ?. */
    private static int lastSentenceEnd(String text) {
        for (int i = text.stripTrailing().length() - 1; i >= 0; i--) {
            if (".;!?".indexOf(text.charAt(i)) >= 0
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void checkTimeline(List<Beat> beats, List<AudioCue> cues, double duration, List<Problem> problems) {
        final double slack = 0.05;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            if (beat.endSeconds() > duration + slack) {
                problems.add(new Problem(
                        "prompt",
                        String.format(
                                Locale.ROOT,
                                "beat %s ends at %.1f s, after the clip's %.1f s duration",
                                beat.description(),
                                beat.endSeconds(),
                                duration)));
            }
            if (i > 0 && beat.startSeconds() < beats.get(i - 1).endSeconds() - slack) {
                problems.add(new Problem(
                        "prompt", "beats overlap at " + beat.startSeconds() + " s; give each moment one beat"));
            }
        }
        for (AudioCue cue : cues) {
            if (cue.atSeconds() > duration) {
                problems.add(new Problem(
                        "audioCues",
                        String.format(
                                Locale.ROOT,
                                "cue '%s' at %.1f s is after the clip's %.1f s duration",
                                cue.description(),
                                cue.atSeconds(),
                                duration)));
            }
        }
    }
}
