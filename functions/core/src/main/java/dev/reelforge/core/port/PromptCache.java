package dev.reelforge.core.port;

import dev.reelforge.core.cache.CacheEntry;
import java.util.Optional;

/** Content-addressed approved clips (the DynamoDB prompt-cache table). Implementations are thread-safe. */
public interface PromptCache {
    Optional<CacheEntry> find(String cacheKey);

    /** Records an approved clip; a second put for the same key keeps the first entry. */
    void put(CacheEntry entry);
}
