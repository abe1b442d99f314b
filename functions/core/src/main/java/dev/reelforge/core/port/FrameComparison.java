package dev.reelforge.core.port;

import java.nio.file.Path;

/**
 * Compares a clip's first frame with a still image of the same size: the structural similarity (SSIM, 0–1, 1 for
 * the same picture) that the {@code reference-match} check reads. Implementations are thread-safe.
 */
public interface FrameComparison {
    /** @throws dev.reelforge.core.error.MediaProcessingException if either file cannot be decoded */
    double firstFrameSsim(Path clip, Path image);

    /**
     * Writes the clip's last frame as a PNG at {@code png}, at the clip's frame size: the first frame the next shot
     * of a chained sequence starts from, and what its {@code continuity} check compares against.
     *
     * @throws dev.reelforge.core.error.MediaProcessingException if the clip cannot be decoded
     */
    void writeLastFrame(Path clip, Path png);
}
