package dev.reelforge.wiring;

import dev.reelforge.core.port.ImageGenerator;

/**
 * An image generator that only some packages carry, found with {@link java.util.ServiceLoader} like {@link
 * ProviderAdapterFactory}: the animatic's still is drawn by the animatic's painter, which ships in
 * functions/handlers-media, so a Validate built from the light package cannot offer it. Register an implementation
 * in {@code META-INF/services/dev.reelforge.wiring.ImageGeneratorFactory}; it needs a public no-arg constructor.
 */
public interface ImageGeneratorFactory {
    /** The generator's name as image-generators.json spells its provider ({@code animatic-still}). */
    String name();

    ImageGenerator create();
}
