package dev.reelforge.core.port;

import java.time.Instant;

/**
 * Remembers which webhook deliveries were already accepted, so a replayed one is refused. In AWS a conditional put
 * into DynamoDB with a TTL; in tests an in-memory set. Thread-safe.
 */
public interface WebhookReplayGuard {
    /**
     * Records {@code deliveryKey} unless it is already recorded.
     *
     * @param forgetAfter when the record may expire: later than any timestamp the receiver still accepts
     * @return true the first time, false for a replay (nothing is changed then)
     */
    boolean firstDelivery(String deliveryKey, Instant forgetAfter);
}
