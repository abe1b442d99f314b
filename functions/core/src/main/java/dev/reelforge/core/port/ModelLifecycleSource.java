package dev.reelforge.core.port;

import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import java.time.LocalDate;

/**
 * A provider's own word on whether a model is still offered (Bedrock's {@code GetFoundationModel}
 * {@code modelLifecycle}). The scheduled lifecycle refresh asks it for every model of its provider in the capability
 * data, so a model retired with short notice is refused before any spend. Implementations are thread-safe.
 */
public interface ModelLifecycleSource {
    /** The provider name whose models this source knows, as the capability data spells it. */
    String provider();

    /**
     * The model's state now. A model the provider no longer knows is {@link Lifecycle#RETIRED}.
     *
     * @throws RuntimeException when the provider cannot be asked (credentials, network); nothing is concluded then
     */
    Status lookup(String model);

    /**
     * @param lifecycle active, legacy, or retired
     * @param endOfLife the announced end of life, or null when none is announced
     * @param detail what the provider said, for the override's record (no secrets)
     */
    record Status(Lifecycle lifecycle, LocalDate endOfLife, String detail) {}
}
