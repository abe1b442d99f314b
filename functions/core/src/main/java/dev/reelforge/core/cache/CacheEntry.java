package dev.reelforge.core.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An approved clip, addressed by the content of the request that produced it ({@link CacheKey}): a second
 * identical request reuses {@code clipKey} instead of paying the provider again.
 *
 * <p>Three kinds share the table. A single clip's entry names the provider original. A multi-shot sequence's entry
 * ({@link CacheKey#sequence}) also lists {@code shotClipKeys}, the accepted shot originals in order, which
 * post-processing stitches again: the originals are never modified, so the same keys always stitch the same clip. A
 * shot's entry ({@link CacheKey#shot}) names one accepted shot original and {@code lastFrameKey}, the still a shot
 * chained after it starts from.
 *
 * @param clipKey the original (for a sequence, its first shot's)
 * @param jobId the job whose review accepted the clip
 * @param shotClipKeys a sequence's accepted shot originals in shot order; empty otherwise
 * @param lastFrameKey a shot's last frame; empty otherwise
 * @param shot a shot's index in {@code jobId}'s sequence (1-based); 0 otherwise
 */
public record CacheEntry(
        String cacheKey,
        String clipKey,
        String jobId,
        String provider,
        String model,
        Instant approvedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> shotClipKeys,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String lastFrameKey,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int shot) {

    public CacheEntry {
        shotClipKeys = shotClipKeys == null ? List.of() : List.copyOf(shotClipKeys);
        lastFrameKey = lastFrameKey == null ? "" : lastFrameKey;
    }

    /** One clip's entry. */
    public CacheEntry(
            String cacheKey, String clipKey, String jobId, String provider, String model, Instant approvedAt) {
        this(cacheKey, clipKey, jobId, provider, model, approvedAt, List.of(), "", 0);
    }

    /** Whether this entry answers a multi-shot sequence (its shots are stitched again). */
    public boolean sequence() {
        return !shotClipKeys.isEmpty();
    }
}
