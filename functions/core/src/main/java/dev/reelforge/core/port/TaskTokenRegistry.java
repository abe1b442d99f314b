package dev.reelforge.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The Step Functions task token an execution waits on ({@code WaitForWebhook}, a {@code .waitForTaskToken} Task) for
 * one provider job. The wait registers it for every job of the round still running; the webhook receiver looks it
 * up to resume that execution. A later registration for the same job replaces the token. Thread-safe.
 */
public interface TaskTokenRegistry {
    /**
     * Keeps {@code token} for {@code providerJobId} of {@code provider} until {@code expiresAt}.
     *
     * @param providerJobId the job as the provider's webhook names it (see {@code WebhookVerifier#jobKey})
     */
    void register(String provider, String providerJobId, String token, Instant expiresAt);

    /** The token registered for the job, or empty (none, or expired). */
    Optional<String> tokenFor(String provider, String providerJobId);
}
