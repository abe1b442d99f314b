package dev.reelforge.core.cache;

import java.time.Instant;

/**
 * An approved clip, addressed by the content of the request that produced it ({@link CacheKey}): a second
 * identical request reuses {@code clipKey} instead of paying the provider again.
 */
public record CacheEntry(
        String cacheKey, String clipKey, String jobId, String provider, String model, Instant approvedAt) {}
