package dev.reelforge.core.request;

/** A sound the clip must make at a given moment, e.g. {@code hard ceramic impact at 00:03.2}. */
public record AudioCue(double atSeconds, String description) {
    public AudioCue {
        if (atSeconds < 0) {
            throw new IllegalArgumentException("audio cue time must not be negative: " + atSeconds);
        }
        description = description.strip();
    }
}
