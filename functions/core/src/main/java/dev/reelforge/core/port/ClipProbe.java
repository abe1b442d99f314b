package dev.reelforge.core.port;

import dev.reelforge.core.media.ProbeResult;
import java.nio.file.Path;

/** Reads a clip's container facts (ffprobe). Thread-safe. */
public interface ClipProbe {
    /** @throws dev.reelforge.core.error.MediaProcessingException if the file is not a readable video */
    ProbeResult probe(Path clip);
}
