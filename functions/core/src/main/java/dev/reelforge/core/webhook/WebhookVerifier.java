package dev.reelforge.core.webhook;

import java.time.Instant;

/**
 * Checks one provider's webhook signature and reads what the delivery is about. Implementations are thread-safe.
 */
public interface WebhookVerifier {
    /** The provider's name, as the capability data spells it. */
    String provider();

    /**
     * @throws WebhookRejectedException (401) when the signature is missing or does not verify
     */
    Delivery verify(WebhookRequest request);

    /**
     * The job id this provider's webhooks name for one of our provider job ids ({@code ProviderJob#providerJobId});
     * the same by default.
     */
    default String jobKey(String providerJobId) {
        return providerJobId;
    }

    /**
     * @param deliveryId what makes this delivery unique at the provider (a replay repeats it)
     * @param signedAt the timestamp the signature covers
     * @param providerJobId the provider job the delivery reports on
     */
    record Delivery(String deliveryId, Instant signedAt, String providerJobId) {}
}
