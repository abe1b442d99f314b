package dev.reelforge.core.media;

/**
 * One platform output: a name (e.g. {@code 9x16-1080}), an exact frame size, and how a source of another
 * shape is fitted: {@link Fit#CROP} fills the frame and trims the overflow centred, {@link Fit#PAD} letterboxes.
 */
public record Rendition(String name, int width, int height, Fit fit) {
    public enum Fit {
        CROP,
        PAD
    }
}
