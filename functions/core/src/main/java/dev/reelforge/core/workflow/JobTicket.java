package dev.reelforge.core.workflow;

import dev.reelforge.core.reference.ReferenceImage;
import java.util.List;

/**
 * What Validate hands the rest of the workflow: the job's identity, the model chosen and what it costs, and
 * whether an approved clip for the same content already exists, and the reference image it starts from (or
 * {@link ReferenceImage#NONE}).
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
        double pricePerClipUsd,
        double estimatedCostUsd,
        List<String> warnings,
        ReferenceImage referenceImage) {

    public JobTicket {
        referenceImage = referenceImage == null ? ReferenceImage.NONE : referenceImage;
        warnings = List.copyOf(warnings);
        cachedClipKey = cachedClipKey == null ? "" : cachedClipKey;
        cachedJobId = cachedJobId == null ? "" : cachedJobId;
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
                pricePerClipUsd,
                estimatedCostUsd,
                warnings,
                ReferenceImage.NONE);
    }
}
