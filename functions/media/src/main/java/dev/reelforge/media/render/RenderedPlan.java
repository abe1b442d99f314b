package dev.reelforge.media.render;

import dev.reelforge.core.media.MediaResult;
import java.util.List;

/**
 * What one plan run produced: the files, the exact filter graph they came out of (for the provenance record), the
 * loudness figures (null when the clip has no sound), how frames were decoded and the size of the (first) source clip.
 */
public record RenderedPlan(
        List<RenderedOutput> outputs,
        String filterGraph,
        MediaResult.Loudness loudness,
        String decoder,
        int sourceWidth,
        int sourceHeight) {
    public RenderedPlan {
        outputs = List.copyOf(outputs);
    }

    public RenderedOutput output(String name) {
        return outputs.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output named " + name));
    }
}
