package dev.reelforge.providers.animatic;

import dev.reelforge.core.provider.GenerationSpec;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/** The render step the provider schedules; {@code AnimaticRenderer::render} in production, a fake in tests. */
@FunctionalInterface
interface ClipRendering {
    void render(GenerationSpec spec, Path output, IntConsumer progressPercent);
}
