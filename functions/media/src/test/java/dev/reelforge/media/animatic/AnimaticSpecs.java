package dev.reelforge.media.animatic;

import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import java.util.List;

/** Small, fast specs for tests: 360p, 12 fps, 3 s, a mug that falls and hits the floor at 2.0 s. */
final class AnimaticSpecs {
    static final double IMPACT_SECONDS = 2.0;
    static final double BEAT_BOUNDARY_SECONDS = 1.2;
    static final int FPS = 12;
    static final double SECONDS = 3.0;

    private AnimaticSpecs() {}

    static Storyboard storyboard() {
        return new Storyboard(
                "A blue mug on a table falls to the floor",
                List.of(
                        new Beat(0, BEAT_BOUNDARY_SECONDS, "A blue mug sits on a wooden table"),
                        new Beat(BEAT_BOUNDARY_SECONDS, SECONDS, "The mug tips and falls, hitting the floor")),
                List.of(new AudioCue(IMPACT_SECONDS, "loud ceramic impact")));
    }

    static GenerationSpec portrait(long seed, String... defects) {
        return spec(AspectRatio.PORTRAIT_9_16, SECONDS, seed, defects);
    }

    static GenerationSpec spec(AspectRatio aspect, double seconds, long seed, String... defects) {
        RenderSettings settings = new RenderSettings(aspect, seconds, Resolution.R360P, FPS, 1, "");
        return new GenerationSpec("a mug falls", storyboard(), settings, "animatic", seed, List.of(defects), "", "");
    }
}
