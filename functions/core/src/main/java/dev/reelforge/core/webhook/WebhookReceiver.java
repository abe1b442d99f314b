package dev.reelforge.core.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.port.ExecutionResumer;
import dev.reelforge.core.port.TaskTokenRegistry;
import dev.reelforge.core.port.WebhookReplayGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a provider's webhook into a resumed execution: verify the signature, refuse a timestamp more than
 * {@link #TOLERANCE} from now, refuse a delivery already accepted, find the task token the execution waits on, and
 * only then record the delivery and resume with {@code {"provider", "providerJobId", "signal": "webhook"}}. The
 * webhook is a wake-up, not the result: the state that resumes polls the provider once for the job's real state, so
 * a genuine but misleading body cannot approve anything. A refused delivery records nothing and resumes nothing.
 *
 * <pre>{@code
 * new WebhookReceiver(new FalWebhookVerifier(keys), replays, tokens, stepFunctions, clock, json).receive(request);
 * }</pre>
 */
public final class WebhookReceiver {
    /** How far a signed timestamp may be from now, either way (Standard Webhooks' and fal's five minutes). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final WebhookVerifier verifier;
    private final WebhookReplayGuard replays;
    private final TaskTokenRegistry tokens;
    private final ExecutionResumer executions;
    private final Clock clock;
    private final ObjectMapper json;

    public WebhookReceiver(
            WebhookVerifier verifier,
            WebhookReplayGuard replays,
            TaskTokenRegistry tokens,
            ExecutionResumer executions,
            Clock clock,
            ObjectMapper json) {
        this.json = json;
        this.verifier = verifier;
        this.replays = replays;
        this.tokens = tokens;
        this.executions = executions;
        this.clock = clock;
    }

    /**
     * @return the provider job whose execution was resumed
     * @throws WebhookRejectedException for a forged, stale, replayed or unexpected delivery
     */
    public String receive(WebhookRequest request) {
        WebhookVerifier.Delivery delivery = verifier.verify(request);
        Instant now = clock.instant();
        if (Duration.between(delivery.signedAt(), now).abs().compareTo(TOLERANCE) > 0) {
            throw new WebhookRejectedException(
                    400,
                    verifier.provider() + " webhook timestamp " + delivery.signedAt() + " is more than "
                            + TOLERANCE.toMinutes() + " minutes from now; refused as stale");
        }
        String token = tokens.tokenFor(verifier.provider(), delivery.providerJobId())
                .orElseThrow(() -> new WebhookRejectedException(
                        404, "no execution waits for " + verifier.provider() + " job " + delivery.providerJobId()));
        if (!replays.firstDelivery(
                verifier.provider() + "/" + delivery.deliveryId(), now.plus(TOLERANCE.multipliedBy(2)))) {
            throw new WebhookRejectedException(
                    409, verifier.provider() + " webhook " + delivery.deliveryId() + " was already received");
        }
        executions.resume(
                token,
                json.createObjectNode()
                        .put("provider", verifier.provider())
                        .put("providerJobId", delivery.providerJobId())
                        .put("signal", "webhook")
                        .toString());
        return delivery.providerJobId();
    }
}
