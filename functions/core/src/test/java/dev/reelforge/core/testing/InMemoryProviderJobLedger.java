package dev.reelforge.core.testing;

import dev.reelforge.core.port.ProviderJobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProviderJobLedger} in memory, for adapter and workflow tests. Atomic per key. Thread-safe.
 */
public final class InMemoryProviderJobLedger implements ProviderJobLedger {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> recordedJobs = ConcurrentHashMap.newKeySet();

    /** @param ambiguousSince null unless a create for the key may have started a job nobody recorded */
    private record Entry(String providerJobId, Instant claimedUntil, Instant ambiguousSince) {}

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
            Instant since = current == null ? null : current.ambiguousSince();
            outcome[0] = since == null ? new Claim.Granted() : new Claim.Ambiguous(since);
            return new Entry(null, now.plus(lease), since);
        });
        return outcome[0];
    }

    @Override
    public String record(String provider, String idempotencyKey, String providerJobId) {
        String recorded = entries.compute(
                        provider + "#" + idempotencyKey,
                        (k, current) -> current != null && current.providerJobId() != null
                                ? current
                                : new Entry(providerJobId, Instant.MAX, null))
                .providerJobId();
        recordedJobs.add(provider + "#" + recorded);
        return recorded;
    }

    @Override
    public void release(String provider, String idempotencyKey) {
        entries.computeIfPresent(
                provider + "#" + idempotencyKey,
                (k, current) -> current.providerJobId() != null
                        ? current
                        : current.ambiguousSince() == null
                                ? null
                                : new Entry(null, Instant.MIN, current.ambiguousSince()));
    }

    @Override
    public void markAmbiguous(String provider, String idempotencyKey, Instant since) {
        entries.compute(provider + "#" + idempotencyKey, (k, current) -> {
            if (current != null && current.providerJobId() != null) {
                return current;
            }
            Instant earliest =
                    current == null || current.ambiguousSince() == null || since.isBefore(current.ambiguousSince())
                            ? since
                            : current.ambiguousSince();
            return new Entry(null, Instant.MIN, earliest);
        });
    }

    @Override
    public boolean isRecorded(String provider, String providerJobId) {
        return recordedJobs.contains(provider + "#" + providerJobId);
    }
}
