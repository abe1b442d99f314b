package dev.reelforge.core.port;

import dev.reelforge.core.reference.ImageSpec;

/**
 * Turns an image prompt into a still, the first half of text-to-image-to-video: {@code "referenceImage":
 * {"generate": "…"}} in a request. The still is returned as the generator made it (PNG, JPEG or WebP bytes); the
 * caller stores it and validates it exactly like an uploaded image ({@code ReferenceIntake}), so an adapter checks
 * nothing about its size or shape.
 *
 * <pre>{@code
 * byte[] png = generator.generate(new ImageSpec("a red enamel kettle on a stove", "gpt-image-1", frame, 42));
 * }</pre>
 *
 * <p>Errors are the workflow's named ones: {@code ContentRejectedException} when the generator's moderation refuses
 * the prompt, {@code ProviderThrottledException} when it asks us to come back later, {@code ProviderFailedException}
 * for credentials and answers without an image. Implementations are thread-safe.
 */
public interface ImageGenerator {
    /** Generates one still for {@code spec}. */
    byte[] generate(ImageSpec spec);
}
