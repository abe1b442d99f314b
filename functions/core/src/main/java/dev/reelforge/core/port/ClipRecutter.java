package dev.reelforge.core.port;

import dev.reelforge.core.edit.RecutPlan;
import java.nio.file.Path;

/**
 * Renders a creator's re-cut of a clip: the segments in order, each {@code factor} times its length, with
 * motion-interpolated frames where a span is slowed and the sound stretched to match, at {@code fps}. The media
 * module's FFmpeg adapter implements it. Implementations are thread-safe; each call writes only {@code target}.
 */
public interface ClipRecutter {

    /** @throws dev.reelforge.core.error.MediaProcessingException when the source cannot be read or re-cut */
    void recut(Path source, RecutPlan plan, int fps, Path target);
}
