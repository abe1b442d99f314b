package dev.reelforge.core.media;

import java.util.List;

/**
 * Everything the media task needs to turn an approved provider original into the deliverables. Stored as JSON
 * in the clip store, so the same plan runs in the ECS container on AWS and in-process locally.
 *
 * @param sourceKey clip-store key of the provider original (never modified)
 * @param outputPrefix clip-store prefix the outputs are written under
 * @param renditions outputs to produce, each an H.264 + AAC MP4 with faststart
 * @param thumbnail whether to write {@code thumbnail.jpg} (a poster frame from the middle of the clip)
 */
public record MediaPlan(
        String jobId, String tenant, String sourceKey, String outputPrefix, List<Rendition> renditions, boolean thumbnail) {
    public MediaPlan {
        renditions = List.copyOf(renditions);
    }
}
