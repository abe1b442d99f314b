package dev.reelforge.core.port;

import dev.reelforge.core.cache.CacheEntry;
import java.util.Optional;

/** Content-addressed approved clips (the DynamoDB prompt-cache table). Implementations are thread-safe. */
public interface PromptCache {
    Optional<CacheEntry> find(String cacheKey);

    /**
     * Records an approved clip unless the key already holds one: the first entry for a key wins, also when writers
     * race, and a later put keeps it.
     *
     * @return true when this entry is now the cached one, false when an earlier entry for the key was kept
     */
    boolean put(CacheEntry entry);
}
