package dev.reelforge.core.provider;

import java.time.LocalDate;
import java.util.List;

/**
 * What one provider model accepts and costs, and whether it still exists. Loaded from data
 * ({@link CapabilityCatalog}), because models are retired faster than code is released.
 *
 * @param sizes exact frame sizes the model renders ({@code 1280x720}); empty means any size the resolutions give
 * @param fps frame rates the model renders; empty means the model's output is resampled to the request's rate
 * @param maxPromptChars longest prompt the model accepts, 0 for no documented limit
 * @param referenceImages how many reference images the model takes, of which types
 * @param edit whether a finished render can be edited in place (targeted change)
 * @param extend whether a finished render can be extended in time
 * @param retirementAnnounced when the provider announced the end of life, or null
 * @param durations the only durations the model renders (seconds), when it takes a fixed set; empty means any
 *     duration in the min–max range
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
        LocalDate endOfLife,
        List<String> sizes,
        List<Integer> fps,
        int maxPromptChars,
        ReferenceImages referenceImages,
        boolean edit,
        boolean extend,
        LocalDate retirementAnnounced,
        List<Double> durations) {

    public ModelCapabilities {
        durations = durations == null ? List.of() : List.copyOf(durations);
        aspectRatios = List.copyOf(aspectRatios);
        resolutions = List.copyOf(resolutions);
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        fps = fps == null ? List.of() : List.copyOf(fps);
        referenceImages = referenceImages == null ? ReferenceImages.NONE : referenceImages;
    }

    /** The original descriptor shape: no size, fps, prompt-length or reference-image limits. */
    public ModelCapabilities(String provider, String model, boolean isDefault, List<String> aspectRatios,
            List<String> resolutions, double minDurationSeconds, double maxDurationSeconds, int maxVariations,
            boolean remix, double pricePerSecondUsd, Lifecycle lifecycle, LocalDate endOfLife) {
        this(provider, model, isDefault, aspectRatios, resolutions, minDurationSeconds, maxDurationSeconds, maxVariations,
                remix, pricePerSecondUsd, lifecycle, endOfLife, List.of(), List.of(), 0, ReferenceImages.NONE, false, false,
                null, List.of());
    }

    public enum Lifecycle {
        ACTIVE,
        LEGACY,
        RETIRED
    }

    /** Reference images a model takes to guide generation (OpenAI's {@code input_reference}, first frames). */
    public record ReferenceImages(int max, List<String> mediaTypes, boolean mustMatchFrameSize) {
        public static final ReferenceImages NONE = new ReferenceImages(0, List.of(), false);

        public ReferenceImages {
            mediaTypes = List.copyOf(mediaTypes);
        }
    }

    public boolean isUsable(LocalDate today) {
        return lifecycle != Lifecycle.RETIRED && (endOfLife == null || today.isBefore(endOfLife));
    }

    public String qualifiedName() {
        return provider + "/" + model;
    }
}
