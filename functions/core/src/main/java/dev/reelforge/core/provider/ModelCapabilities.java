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
 * @param edit whether a finished render can be edited in place (targeted change) by the provider
 * @param extend whether and how a finished render can be extended in time
 * @param retirementAnnounced when the provider announced the end of life, or null
 * @param durations the only durations the model renders (seconds), when it takes a fixed set; empty means any
 *     duration in the min–max range
 * @param nativeAudio whether the model renders a soundtrack with the picture; without it timed audio cues and the
 *     audio checks have nothing to match
 * @param firstFrame whether the model takes an image as the clip's first frame
 * @param lastFrame whether the model takes an image as the clip's last frame
 * @param reframe whether the provider changes a finished render's aspect ratio
 * @param webhooks whether the provider calls back when a job ends (a signed webhook), so the workflow can wait for
 *     the call instead of polling, with polling as the fall-back
 * @param maxConcurrentJobs how many of this model's provider jobs one sequence keeps in flight at once (its
 *     unchained shots render in parallel up to it), from the provider's documented rate or concurrency limit or a
 *     conservative default where the limit is the account's; {@value #DEFAULT_MAX_CONCURRENT_JOBS} (one at a
 *     time) where the data gives none
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
        Extend extend,
        LocalDate retirementAnnounced,
        List<Double> durations,
        boolean nativeAudio,
        boolean firstFrame,
        boolean lastFrame,
        boolean reframe,
        boolean webhooks,
        int maxConcurrentJobs) {
    /** Provider jobs in flight at once for a model whose data names no limit: one after another. */
    public static final int DEFAULT_MAX_CONCURRENT_JOBS = 1;

    public ModelCapabilities {
        if (maxConcurrentJobs < 0) {
            throw new IllegalArgumentException(
                    provider + "/" + model + ": maxConcurrentJobs must be at least 1, not " + maxConcurrentJobs);
        }
        maxConcurrentJobs = maxConcurrentJobs == 0 ? DEFAULT_MAX_CONCURRENT_JOBS : maxConcurrentJobs;
        durations = durations == null ? List.of() : List.copyOf(durations);
        aspectRatios = List.copyOf(aspectRatios);
        resolutions = List.copyOf(resolutions);
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        fps = fps == null ? List.of() : List.copyOf(fps);
        referenceImages = referenceImages == null ? ReferenceImages.NONE : referenceImages;
        extend = extend == null ? Extend.NONE : extend;
    }

    /** Without webhooks: the provider is polled. */
    public ModelCapabilities(
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
            Extend extend,
            LocalDate retirementAnnounced,
            List<Double> durations,
            boolean nativeAudio,
            boolean firstFrame,
            boolean lastFrame,
            boolean reframe) {
        this(
                provider,
                model,
                isDefault,
                aspectRatios,
                resolutions,
                minDurationSeconds,
                maxDurationSeconds,
                maxVariations,
                remix,
                pricePerSecondUsd,
                lifecycle,
                endOfLife,
                sizes,
                fps,
                maxPromptChars,
                referenceImages,
                edit,
                extend,
                retirementAnnounced,
                durations,
                nativeAudio,
                firstFrame,
                lastFrame,
                reframe,
                false,
                DEFAULT_MAX_CONCURRENT_JOBS);
    }

    /** The original descriptor shape: no size, fps, prompt-length or reference-image limits. */
    public ModelCapabilities(
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
        this(
                provider,
                model,
                isDefault,
                aspectRatios,
                resolutions,
                minDurationSeconds,
                maxDurationSeconds,
                maxVariations,
                remix,
                pricePerSecondUsd,
                lifecycle,
                endOfLife,
                List.of(),
                List.of(),
                0,
                ReferenceImages.NONE,
                false,
                Extend.NONE,
                null,
                List.of(),
                false,
                false,
                false,
                false);
    }

    public enum Lifecycle {
        ACTIVE,
        LEGACY,
        RETIRED
    }

    /**
     * Reference images a model takes to guide generation (OpenAI's {@code input_reference}, first frames):
     * {@code "referenceImages": {"max": 1, "mediaTypes": ["image/png"], "mustMatchFrameSize": true, "maxBytes":
     * 20000000, "maxSide": 4096, "fit": "crop"}} in the data.
     *
     * @param maxBytes largest file the provider takes; {@link #DEFAULT_MAX_BYTES} when the data gives none
     * @param maxSide longest side in pixels the provider takes; {@link #DEFAULT_MAX_SIDE} when the data gives none
     * @param fit how an image whose aspect ratio differs from the frame's is fitted: {@code crop} (centre crop,
     *     the default), {@code pad} (letterbox on black) or {@code strict} (refused, for models that distort)
     * @param types the kinds of the request's {@code referenceImages} list the model takes: {@code asset} (a subject
     *     whose look is kept), {@code style}; empty (the data gives none) when only the single {@code referenceImage}
     *     is mapped for it, so the list is refused
     * @param withFrames whether {@code referenceImages} may come with a first or last frame in one request (Veo's
     *     instance takes {@code referenceImages} or {@code image}/{@code lastFrame}, not both: false there)
     */
    public record ReferenceImages(
            int max,
            List<String> mediaTypes,
            boolean mustMatchFrameSize,
            long maxBytes,
            int maxSide,
            String fit,
            List<String> types,
            boolean withFrames) {
        public static final long DEFAULT_MAX_BYTES = 20L * 1000 * 1000;
        public static final int DEFAULT_MAX_SIDE = 4096;
        public static final ReferenceImages NONE = new ReferenceImages(0, List.of(), false);

        public ReferenceImages {
            types = types == null ? List.of() : List.copyOf(types);
            mediaTypes = List.copyOf(mediaTypes);
            maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
            maxSide = maxSide <= 0 ? DEFAULT_MAX_SIDE : maxSide;
            fit = fit == null || fit.isBlank() ? "crop" : fit;
            if (!List.of("crop", "pad", "strict").contains(fit)) {
                throw new IllegalArgumentException("referenceImages.fit must be crop, pad or strict, not " + fit);
            }
        }

        public ReferenceImages(int max, List<String> mediaTypes, boolean mustMatchFrameSize) {
            this(max, mediaTypes, mustMatchFrameSize, 0, 0, "crop");
        }

        /** No {@code referenceImages} list (only the single {@code referenceImage}), with frames. */
        public ReferenceImages(
                int max, List<String> mediaTypes, boolean mustMatchFrameSize, long maxBytes, int maxSide, String fit) {
            this(max, mediaTypes, mustMatchFrameSize, maxBytes, maxSide, fit, List.of(), true);
        }
    }

    /**
     * How a finished render can be made longer: {@code "extend": {"maxSeconds": 148, "blockSeconds": 7,
     * "onlyOwnOutputs": true}} in the data.
     *
     * @param supported whether the provider extends renders at all
     * @param maxSeconds longest clip an extension may reach, 0 when the provider documents no limit
     * @param blockSeconds seconds each extension adds, 0 when the provider documents none
     * @param onlyOwnOutputs whether only clips this provider rendered can be extended
     * @param wholeClip whether the extension's output is the whole longer clip ({@code "output": "whole"}, Veo)
     *     rather than the continuation alone ({@code "continuation"}, Luma; the default), which would still have to
     *     be joined to the source
     */
    public record Extend(
            boolean supported, double maxSeconds, double blockSeconds, boolean onlyOwnOutputs, boolean wholeClip) {
        public static final Extend NONE = new Extend(false, 0, 0, false);

        /** An extension whose output is the continuation alone. */
        public Extend(boolean supported, double maxSeconds, double blockSeconds, boolean onlyOwnOutputs) {
            this(supported, maxSeconds, blockSeconds, onlyOwnOutputs, false);
        }
    }

    /** The same model with another lifecycle state and end of life (a live lookup's, {@link LifecycleOverrides}). */
    public ModelCapabilities withLifecycle(Lifecycle state, LocalDate eol) {
        return new ModelCapabilities(
                provider,
                model,
                isDefault,
                aspectRatios,
                resolutions,
                minDurationSeconds,
                maxDurationSeconds,
                maxVariations,
                remix,
                pricePerSecondUsd,
                state,
                eol,
                sizes,
                fps,
                maxPromptChars,
                referenceImages,
                edit,
                extend,
                retirementAnnounced,
                durations,
                nativeAudio,
                firstFrame,
                lastFrame,
                reframe,
                webhooks,
                maxConcurrentJobs);
    }

    public boolean isUsable(LocalDate today) {
        return lifecycle != Lifecycle.RETIRED && (endOfLife == null || today.isBefore(endOfLife));
    }

    /** False when the data gives no price (NaN): nothing can be estimated, so nothing may be spent. */
    public boolean priceKnown() {
        return !Double.isNaN(pricePerSecondUsd);
    }

    public String qualifiedName() {
        return provider + "/" + model;
    }
}
