package dev.reelforge.core.provider;

import java.time.LocalDate;
import java.util.List;

/**
 * What one provider model accepts and costs, and whether it still exists. Loaded from data
 * ({@link CapabilityCatalog}), because models are retired faster than code is released.
 */
public record ModelCapabilities(
        String provider,
        String model,
        boolean isDefault,
        List<String> aspectRatios,
        List<String> resolutions,
        double minDurationSeconds,
        double maxDurationSeconds,
        int maxVariations,
        boolean remix,
        double pricePerSecondUsd,
        Lifecycle lifecycle,
        LocalDate endOfLife) {

    public ModelCapabilities {
        aspectRatios = List.copyOf(aspectRatios);
        resolutions = List.copyOf(resolutions);
    }

    public enum Lifecycle {
        ACTIVE,
        LEGACY,
        RETIRED
    }

    public boolean isUsable(LocalDate today) {
        return lifecycle != Lifecycle.RETIRED && (endOfLife == null || today.isBefore(endOfLife));
    }
}
