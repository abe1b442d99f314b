package dev.reelforge.core.testing;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.port.PromptCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PromptCache} in memory, for workflow-step tests: the first entry for a key wins. Thread-safe. */
public final class InMemoryPromptCache implements PromptCache {
    private final Map<String, CacheEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CacheEntry> find(String cacheKey) {
        return Optional.ofNullable(entries.get(cacheKey));
    }

    @Override
    public boolean put(CacheEntry entry) {
        return entries.putIfAbsent(entry.cacheKey(), entry) == null;
    }
}
