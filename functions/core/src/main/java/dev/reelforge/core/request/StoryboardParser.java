package dev.reelforge.core.request;

import dev.reelforge.core.error.InvalidRequestException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure creators put into prompt text: lines like {@code 00:00–00:03: the mug rests} are beats,
 * a line starting {@code Audio:} lists sounds separated by {@code ;}, and a sound with {@code at 00:02.3} is a
 * timed cue. Everything else is the overall description. Problems are collected, not thrown, so the caller can
 * report them all at once.
 */
public final class StoryboardParser {
    private static final Pattern BEAT = Pattern.compile(
            "^\\s*[-*•]?\\s*(" + Timecode.PATTERN + ")\\s*(?:–|—|-|to)\\s*(" + Timecode.PATTERN + ")\\s*[:.)]?\\s*(.+)$");
    private static final Pattern AUDIO_LINE = Pattern.compile("^\\s*(?:audio|sound|sfx)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUE = Pattern.compile("^(.*?)\\s+(?:at|@)\\s+(" + Timecode.PATTERN + ")\\s*\\.?$");

    /** Parsed storyboard plus anything that could not be understood. */
    public record Result(Storyboard storyboard, List<Problem> problems) {}

    public Result parse(String prompt, List<String> extraCues, double durationSeconds) {
        List<Problem> problems = new ArrayList<>();
        List<Beat> beats = new ArrayList<>();
        List<AudioCue> cues = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (String line : prompt.split("\\R")) {
            Matcher beat = BEAT.matcher(line);
            Matcher audio = AUDIO_LINE.matcher(line);
            if (beat.matches()) {
                try {
                    addBeat(beat, beats, problems);
                } catch (IllegalArgumentException badTime) {
                    problems.add(new Problem("prompt", "beat '" + line.strip() + "': " + badTime.getMessage()));
                }
            } else if (audio.matches()) {
                for (String part : audio.group(1).split(";")) {
                    try {
                        parseCue(part.strip()).ifPresent(cues::add);
                    } catch (IllegalArgumentException badTime) {
                        problems.add(new Problem("prompt", "audio cue '" + part.strip() + "': " + badTime.getMessage()));
                    }
                }
            } else if (!line.isBlank()) {
                description.append(description.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        for (int i = 0; i < extraCues.size(); i++) {
            String field = "audioCues[" + i + "]";
            String text = extraCues.get(i).strip();
            try {
                parseCue(text).ifPresentOrElse(cues::add,
                        () -> problems.add(new Problem(field, "'" + text + "' has no time; write it as '<sound> at MM:SS'")));
            } catch (IllegalArgumentException badTime) {
                problems.add(new Problem(field, "'" + text + "': " + badTime.getMessage()));
            }
        }
        beats.sort(Comparator.comparingDouble(Beat::startSeconds));
        cues.sort(Comparator.comparingDouble(AudioCue::atSeconds));
        checkTimeline(beats, cues, durationSeconds, problems);
        if (beats.isEmpty()) {
            beats.add(new Beat(0, durationSeconds, description.toString()));
        }
        return new Result(new Storyboard(description.toString(), beats, cues), problems);
    }

    private static void addBeat(Matcher m, List<Beat> beats, List<Problem> problems) {
        double start = Timecode.seconds(m.group(1));
        double end = Timecode.seconds(m.group(2));
        if (end <= start) {
            problems.add(new Problem("prompt", "beat '" + m.group(0).strip() + "' must end after it starts"));
            return;
        }
        beats.add(new Beat(start, end, m.group(3)));
    }

    private static Optional<AudioCue> parseCue(String text) {
        Matcher m = CUE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AudioCue(Timecode.seconds(m.group(2)), m.group(1)));
    }

    private static void checkTimeline(List<Beat> beats, List<AudioCue> cues, double duration, List<Problem> problems) {
        final double slack = 0.05;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            if (beat.endSeconds() > duration + slack) {
                problems.add(new Problem("prompt", String.format(Locale.ROOT,
                        "beat %s ends at %.1f s, after the clip's %.1f s duration", beat.description(), beat.endSeconds(), duration)));
            }
            if (i > 0 && beat.startSeconds() < beats.get(i - 1).endSeconds() - slack) {
                problems.add(new Problem("prompt", "beats overlap at " + beat.startSeconds() + " s; give each moment one beat"));
            }
        }
        for (AudioCue cue : cues) {
            if (cue.atSeconds() > duration) {
                problems.add(new Problem("audioCues", String.format(Locale.ROOT,
                        "cue '%s' at %.1f s is after the clip's %.1f s duration", cue.description(), cue.atSeconds(), duration)));
            }
        }
    }
}
