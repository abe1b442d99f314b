package dev.reelforge.core.request;

import java.util.List;

/**
 * What the clip shows and sounds like over time: the overall description, the timestamped beats (one beat
 * covering the whole clip when the prompt has none), the timed audio cues in time order, and the ambience: sounds
 * the prompt lists without a time ("quiet kitchen room tone throughout"), which no moment of the clip is checked for.
 */
public record Storyboard(String description, List<Beat> beats, List<AudioCue> audioCues, List<String> ambience) {
    public Storyboard {
        beats = List.copyOf(beats);
        audioCues = List.copyOf(audioCues);
        ambience = ambience == null ? List.of() : List.copyOf(ambience);
    }

    /** A storyboard without ambience. */
    public Storyboard(String description, List<Beat> beats, List<AudioCue> audioCues) {
        this(description, beats, audioCues, List.of());
    }

    /**
     * Times where one beat hands over to the next. A cut is expected at only some of them, where a new shot starts
     * ({@code ScenePlan.of(storyboard).cuts()}).
     */
    public List<Double> beatBoundaries() {
        return beats.stream().skip(1).map(Beat::startSeconds).toList();
    }
}
