package dev.reelforge.core.media;

/**
 * One still picture taken from a clip, for a judge that looks at pictures: where it was taken and the JPEG bytes.
 *
 * @param seconds the frame's presentation time in the clip
 * @param jpeg the encoded picture, never empty
 */
public record SampledFrame(double seconds, byte[] jpeg) {
    public SampledFrame {
        if (jpeg == null || jpeg.length == 0) {
            throw new IllegalArgumentException("a sampled frame needs its JPEG bytes");
        }
    }
}
