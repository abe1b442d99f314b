package dev.reelforge.core.media;

/**
 * Every frame of a clip as a tiny RGB picture (the statistics branch's short side of about 48 px), so that the
 * checks which ask where and what colour things are (cuts, palette, lighting, framing) read the picture itself
 * instead of whole-frame means. Rows of {@code width} RGB triplets, frame after frame.
 *
 * @param rgb the frames, {@code width × height × 3} bytes each
 */
public record FrameThumbnails(int width, int height, byte[] rgb) {
    private static final FrameThumbnails NONE = new FrameThumbnails(0, 0, new byte[0]);

    public FrameThumbnails {
        if (width < 0 || height < 0 || (width * height > 0 && rgb.length % (width * height * 3) != 0)) {
            throw new IllegalArgumentException(
                    "thumbnail bytes do not hold whole " + width + "x" + height + " RGB frames");
        }
    }

    /** No thumbnails: a clip whose analysis did not produce them (checks that need them say so). */
    public static FrameThumbnails none() {
        return NONE;
    }

    public int frameCount() {
        return width * height == 0 ? 0 : rgb.length / (width * height * 3);
    }

    public int pixels() {
        return width * height;
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel {@code p} (row-major) of frame {@code frame}, 0–255. */
    public int channel(int frame, int p, int c) {
        return rgb[(frame * width * height + p) * 3 + c] & 0xff;
    }

    /** Rec. 601 luma of a pixel, 0–255. */
    public double luma(int frame, int p) {
        return 0.299 * channel(frame, p, 0) + 0.587 * channel(frame, p, 1) + 0.114 * channel(frame, p, 2);
    }
}
