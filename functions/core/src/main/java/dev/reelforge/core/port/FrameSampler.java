package dev.reelforge.core.port;

import dev.reelforge.core.media.SampledFrame;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes a few stills from a clip, spread evenly over it, for the optional visual judge. A second decode of the
 * clip, so it runs only when a judge is configured. Thread-safe.
 */
public interface FrameSampler {
    /**
     * @param count how many stills, at most (a clip shorter than {@code count} frames gives one per frame)
     * @param longSide the longest side of each still in pixels; stills are never scaled up
     * @throws dev.reelforge.core.error.MediaProcessingException if the file cannot be decoded
     */
    List<SampledFrame> sample(Path clip, int count, int longSide);
}
