package dev.reelforge.core.request;

import java.util.List;

/**
 * What the clip shows and sounds like over time: the overall description, the timestamped beats (one beat
 * covering the whole clip when the prompt has none) and the timed audio cues, in time order.
 */
public record Storyboard(String description, List<Beat> beats, List<AudioCue> audioCues) {
    public Storyboard {
        beats = List.copyOf(beats);
        audioCues = List.copyOf(audioCues);
    }

    /** Times where one beat hands over to the next: the only places a cut is expected. */
    public List<Double> beatBoundaries() {
        return beats.stream().skip(1).map(Beat::startSeconds).toList();
    }
}
