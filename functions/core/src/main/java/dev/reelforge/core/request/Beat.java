package dev.reelforge.core.request;

/** One timestamped shot of a storyboard, e.g. {@code 00:02–00:04: the mug tips and falls}. */
public record Beat(double startSeconds, double endSeconds, String description) {
    public Beat {
        if (startSeconds < 0 || endSeconds <= startSeconds) {
            throw new IllegalArgumentException("beat must end after it starts: " + startSeconds + "–" + endSeconds);
        }
        description = description.strip();
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    public boolean contains(double t) {
        return t >= startSeconds && t < endSeconds;
    }
}
