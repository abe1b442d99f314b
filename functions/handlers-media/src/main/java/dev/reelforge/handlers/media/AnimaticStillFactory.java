package dev.reelforge.handlers.media;

import dev.reelforge.core.port.ImageGenerator;
import dev.reelforge.media.animatic.AnimaticRenderer;
import dev.reelforge.wiring.ImageGeneratorConfig;
import dev.reelforge.wiring.ImageGeneratorFactory;

/**
 * The offline text-to-image: the animatic's first frame for a storyboard that is the image prompt, at the frame's
 * size, seeded from the prompt, so the same prompt always gives the same still and no network is needed.
 * Registered in META-INF/services; a Validate built from this package (and the local CLI) offers it.
 */
public final class AnimaticStillFactory implements ImageGeneratorFactory {
    @Override
    public String name() {
        return ImageGeneratorConfig.ANIMATIC_STILL;
    }

    @Override
    public ImageGenerator create() {
        return spec -> AnimaticRenderer.still(spec.prompt(), spec.frame(), spec.seed());
    }
}
