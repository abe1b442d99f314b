package dev.reelforge.core.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.reference.ReferenceImage;
import java.util.List;

/**
 * What Validate hands the rest of the workflow: the job's identity, the model chosen and what it costs, whether an
 * approved clip for the same content already exists, and the reference image it starts from (or
 * {@link ReferenceImage#NONE}). {@code remixSupported} (the data's {@code remix} or {@code edit}: a targeted change of
 * a finished render) and {@code nativeAudio} are the model's capabilities as Validate read them: later states decide
 * on them without reading the data again. {@code shot} is set only inside a multi-shot sequence's Map, for the
 * shot that ticket renders. A ticket written before {@code nativeAudio} existed (a job in flight across
 * a deployment) reads as having sound, so its audio checks run as they did when it started. {@code guides} are the
 * request's last frame and reference images as Validate stored them (empty for none). For a multi-shot sequence,
 * {@code shotCacheKeys} are its shots' prompt-cache keys in shot order (Finalize files each accepted shot under its
 * own), and on a cache hit {@code cachedShotClipKeys} are the cached sequence's shot originals, which
 * post-processing stitches again.
 */
public record JobTicket(
        String jobId,
        String tenant,
        String clientRequestId,
        String cacheKey,
        boolean cacheHit,
        String cachedClipKey,
        String cachedJobId,
        String provider,
        String model,
        boolean remixSupported,
        Boolean nativeAudio,
        double pricePerClipUsd,
        double estimatedCostUsd,
        List<String> warnings,
        ReferenceImage referenceImage,
        @JsonInclude(JsonInclude.Include.NON_NULL) ShotTicket shot,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GuideImage> guides,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> shotCacheKeys,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> cachedShotClipKeys) {

    public JobTicket {
        shotCacheKeys = shotCacheKeys == null ? List.of() : List.copyOf(shotCacheKeys);
        cachedShotClipKeys = cachedShotClipKeys == null ? List.of() : List.copyOf(cachedShotClipKeys);
        referenceImage = referenceImage == null ? ReferenceImage.NONE : referenceImage;
        guides = guides == null ? List.of() : List.copyOf(guides);
        warnings = List.copyOf(warnings);
        cachedClipKey = cachedClipKey == null ? "" : cachedClipKey;
        cachedJobId = cachedJobId == null ? "" : cachedJobId;
        nativeAudio = nativeAudio == null || nativeAudio;
    }

    /** A ticket without a last frame or reference images. */
    public JobTicket(
            String jobId,
            String tenant,
            String clientRequestId,
            String cacheKey,
            boolean cacheHit,
            String cachedClipKey,
            String cachedJobId,
            String provider,
            String model,
            boolean remixSupported,
            Boolean nativeAudio,
            double pricePerClipUsd,
            double estimatedCostUsd,
            List<String> warnings,
            ReferenceImage referenceImage,
            ShotTicket shot) {
        this(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                cacheHit,
                cachedClipKey,
                cachedJobId,
                provider,
                model,
                remixSupported,
                nativeAudio,
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                referenceImage,
                shot,
                List.of(),
                List.of(),
                List.of());
    }

    /** The same ticket carrying the request's last frame and reference images. */
    public JobTicket withGuides(List<GuideImage> images) {
        return new JobTicket(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                cacheHit,
                cachedClipKey,
                cachedJobId,
                provider,
                model,
                remixSupported,
                nativeAudio,
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                referenceImage,
                shot,
                images,
                shotCacheKeys,
                cachedShotClipKeys);
    }

    /** The same ticket with a sequence's shot cache keys and, on a hit, the cached shot originals to stitch. */
    public JobTicket withShotCache(List<String> shotKeys, List<String> cachedShots) {
        return new JobTicket(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                cacheHit,
                cachedClipKey,
                cachedJobId,
                provider,
                model,
                remixSupported,
                nativeAudio,
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                referenceImage,
                shot,
                guides,
                shotKeys,
                cachedShots);
    }

    /** A ticket for the whole clip (no shot of a sequence). */
    public JobTicket(
            String jobId,
            String tenant,
            String clientRequestId,
            String cacheKey,
            boolean cacheHit,
            String cachedClipKey,
            String cachedJobId,
            String provider,
            String model,
            boolean remixSupported,
            Boolean nativeAudio,
            double pricePerClipUsd,
            double estimatedCostUsd,
            List<String> warnings,
            ReferenceImage referenceImage) {
        this(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                cacheHit,
                cachedClipKey,
                cachedJobId,
                provider,
                model,
                remixSupported,
                nativeAudio,
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                referenceImage,
                null);
    }

    /**
     * This job's ticket for one shot of its sequence: priced per clip at the shot's length, starting from
     * {@code reference} (the request's image for the first shot, none for a chained one).
     */
    public JobTicket forShot(ShotTicket shot, double shotPricePerClipUsd, ReferenceImage reference) {
        return new JobTicket(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                false,
                "",
                "",
                provider,
                model,
                remixSupported,
                nativeAudio,
                shotPricePerClipUsd,
                estimatedCostUsd,
                warnings,
                reference,
                shot);
    }

    /** A ticket without a reference image. */
    public JobTicket(
            String jobId,
            String tenant,
            String clientRequestId,
            String cacheKey,
            boolean cacheHit,
            String cachedClipKey,
            String cachedJobId,
            String provider,
            String model,
            boolean remixSupported,
            boolean nativeAudio,
            double pricePerClipUsd,
            double estimatedCostUsd,
            List<String> warnings) {
        this(
                jobId,
                tenant,
                clientRequestId,
                cacheKey,
                cacheHit,
                cachedClipKey,
                cachedJobId,
                provider,
                model,
                remixSupported,
                nativeAudio,
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                ReferenceImage.NONE);
    }
}
