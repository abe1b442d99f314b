package dev.reelforge.core.media;

import java.util.List;

/** What the media task wrote: one entry per output, with its clip-store key, and the encoder it chose and why. */
public record MediaResult(String jobId, List<Output> outputs, String encoder, String encoderReason) {
    public MediaResult {
        outputs = List.copyOf(outputs);
    }

    /** One written file. {@code rendition} is the rendition name, or {@code thumbnail}. */
    public record Output(String rendition, String key, int width, int height, String sha256) {}
}
