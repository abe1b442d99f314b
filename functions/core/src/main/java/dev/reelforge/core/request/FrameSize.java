package dev.reelforge.core.request;

/** Width and height in pixels. */
public record FrameSize(int width, int height) {
    public FrameSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
