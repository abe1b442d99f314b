package dev.reelforge.core.media;

import java.util.List;

/**
 * Which renditions a job gets. {@link #PLATFORM_1080} is the publishing set (9:16 1080x1920, 16:9 1920x1080,
 * 1:1 1080x1080); {@link #SOURCE_SIZE} keeps the local demo fast: the requested frame plus a square crop at the
 * request's own resolution. Every rendition is CROP-fitted (see docs/post-processing.md).
 */
public enum RenditionSet {
    SOURCE_SIZE,
    PLATFORM_1080;

    public static final List<Rendition> PLATFORM = List.of(
            new Rendition("9x16-1080", 1080, 1920, Rendition.Fit.CROP),
            new Rendition("16x9-1080", 1920, 1080, Rendition.Fit.CROP),
            new Rendition("1x1-1080", 1080, 1080, Rendition.Fit.CROP));

    /** The renditions for a request whose native frame is {@code width}x{@code height}, named e.g. {@code 9x16-720p}. */
    public List<Rendition> renditions(String nativeName, int width, int height) {
        if (this == PLATFORM_1080) {
            return PLATFORM;
        }
        int square = Math.min(width, height);
        return List.of(
                new Rendition(nativeName, width, height, Rendition.Fit.CROP),
                new Rendition("1x1-" + square, square, square, Rendition.Fit.CROP));
    }
}
