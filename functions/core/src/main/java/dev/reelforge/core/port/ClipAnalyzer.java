package dev.reelforge.core.port;

import dev.reelforge.core.media.ClipMetrics;
import java.nio.file.Path;

/**
 * Measures a clip for review in one pass: the per-frame picture series, detected frozen/black intervals, audio
 * onsets and loudness that the review checks read. Implementations decode the file once. Thread-safe.
 */
public interface ClipAnalyzer {
    /** @throws dev.reelforge.core.error.MediaProcessingException if the file cannot be decoded */
    ClipMetrics analyze(Path clip);
}
