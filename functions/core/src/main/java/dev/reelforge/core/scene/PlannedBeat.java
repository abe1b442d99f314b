package dev.reelforge.core.scene;

/**
 * A storyboard beat as the plan reads it: its span and text, the action it shows ("fall", "shatter", or "hold"
 * when nothing moves), the shot size it names, and the index of the {@link Shot} it plays in.
 */
public record PlannedBeat(double startSeconds, double endSeconds, String text, String action, ShotSize size, int shot) {
    public PlannedBeat {
        if (shot < 0) {
            throw new IllegalArgumentException("shot index must not be negative: " + shot);
        }
    }
}
