package dev.reelforge.core.testing;

import dev.reelforge.core.port.TaskTokenRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TaskTokenRegistry} in memory, for workflow tests; expiry is ignored (nothing here outlives a test). */
public final class InMemoryTaskTokenRegistry implements TaskTokenRegistry {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public void register(String provider, String providerJobId, String token, Instant expiresAt) {
        tokens.put(provider + "#" + providerJobId, token);
    }

    @Override
    public Optional<String> tokenFor(String provider, String providerJobId) {
        return Optional.ofNullable(tokens.get(provider + "#" + providerJobId));
    }

    /** Every registration, {@code provider#job} to token. */
    public Map<String, String> registered() {
        return Map.copyOf(tokens);
    }
}
