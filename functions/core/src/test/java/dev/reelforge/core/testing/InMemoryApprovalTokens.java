package dev.reelforge.core.testing;

import dev.reelforge.core.port.ApprovalTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ApprovalTokens} in memory, for workflow tests; expiry is ignored (nothing here outlives a test). */
public final class InMemoryApprovalTokens implements ApprovalTokens {
    private record Waiting(int revision, String token) {}

    private final Map<String, Waiting> tokens = new ConcurrentHashMap<>();

    @Override
    public void put(String jobId, int revision, String token, Instant expiresAt) {
        tokens.put(jobId, new Waiting(revision, token));
    }

    @Override
    public Optional<String> take(String jobId, int revision) {
        Waiting[] taken = new Waiting[1];
        tokens.computeIfPresent(jobId, (k, w) -> {
            if (w.revision() != revision) {
                return w;
            }
            taken[0] = w;
            return null;
        });
        return taken[0] == null ? Optional.empty() : Optional.of(taken[0].token());
    }

    @Override
    public OptionalInt waiting(String jobId) {
        Waiting w = tokens.get(jobId);
        return w == null ? OptionalInt.empty() : OptionalInt.of(w.revision());
    }
}
