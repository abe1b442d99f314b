package dev.reelforge.providers.ledger;

import dev.reelforge.core.port.ProviderJobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProviderJobLedger} in memory, for one process (the local CLI, tests). Atomic per key. Thread-safe.
 */
public final class InMemoryProviderJobLedger implements ProviderJobLedger {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String providerJobId, Instant claimedUntil) {}

    @Override
    public Claim claim(String provider, String idempotencyKey, Instant now, Duration lease) {
        Claim[] outcome = new Claim[1];
        entries.compute(provider + "#" + idempotencyKey, (k, current) -> {
            if (current != null && current.providerJobId() != null) {
                outcome[0] = new Claim.Recorded(current.providerJobId());
                return current;
            }
            if (current != null && now.isBefore(current.claimedUntil())) {
                outcome[0] = new Claim.InFlight(current.claimedUntil());
                return current;
            }
            outcome[0] = new Claim.Granted();
            return new Entry(null, now.plus(lease));
        });
        return outcome[0];
    }

    @Override
    public String record(String provider, String idempotencyKey, String providerJobId) {
        return entries.compute(provider + "#" + idempotencyKey, (k, current) ->
                current != null && current.providerJobId() != null ? current : new Entry(providerJobId, Instant.MAX))
                .providerJobId();
    }

    @Override
    public void release(String provider, String idempotencyKey) {
        entries.computeIfPresent(provider + "#" + idempotencyKey, (k, current) -> current.providerJobId() == null ? null : current);
    }
}
