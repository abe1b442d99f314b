package dev.reelforge.providers;

import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import java.util.List;

/** Generation specs for adapter tests: a landscape 720p clip of a given length for a given model. */
public final class Specs {
    private Specs() {}

    public static GenerationSpec landscape(String model, double seconds) {
        Storyboard board = new Storyboard(
                "a mug falls",
                List.of(new Beat(0, seconds, "A mug falls off a table")),
                List.of(new AudioCue(1.0, "ceramic crack")));
        RenderSettings settings = new RenderSettings(AspectRatio.LANDSCAPE_16_9, seconds, Resolution.R720P, 24, 1, "");
        return new GenerationSpec(
                "A white mug slides off an oak table and shatters", board, settings, model, 7, List.of(), "", "");
    }

    public static GenerationSpec remix(GenerationSpec spec, String videoId, String instruction) {
        return new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                spec.defects(),
                videoId,
                instruction);
    }

    public static GenerationSpec withReference(GenerationSpec spec, String imagePath) {
        return new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                spec.defects(),
                "",
                "",
                imagePath);
    }

    /** With a first frame ({@code imagePath}, or empty for none) and the request's other images. */
    public static GenerationSpec withGuides(GenerationSpec spec, String imagePath, List<GuideFile> guides) {
        return new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                spec.defects(),
                "",
                "",
                imagePath,
                "",
                "",
                guides);
    }

    public static GenerationSpec withReference(GenerationSpec spec, String imagePath, String imageUrl) {
        return new GenerationSpec(
                spec.prompt(),
                spec.storyboard(),
                spec.settings(),
                spec.model(),
                spec.seed(),
                spec.defects(),
                "",
                "",
                imagePath,
                imageUrl);
    }
}
