package dev.reelforge.core.webhook;

import dev.reelforge.core.port.TaskTokenRegistry;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The first half of {@code WaitForWebhook}: registers the Task's token for every clip of the round still running at
 * the provider, under the job id the provider's webhook will name, so the {@link WebhookReceiver} can resume the
 * execution. The registration outlives the wait by {@link WebhookReceiver#TOLERANCE}; after that polling has taken
 * over and a late webhook finds nothing.
 */
public final class WebhookWait {
    private final TaskTokenRegistry tokens;
    private final Function<String, WebhookVerifier> verifiers;
    private final Clock clock;

    /** @param verifiers each provider's webhook verifier by name, null for a provider verified nowhere here */
    public WebhookWait(TaskTokenRegistry tokens, Function<String, WebhookVerifier> verifiers, Clock clock) {
        this.tokens = tokens;
        this.verifiers = verifiers;
        this.clock = clock;
    }

    /**
     * @return the provider jobs the token was registered for
     * @throws IllegalStateException when this deployment verifies no webhooks of the job's provider (the state
     *     machine then polls)
     */
    public int await(JobTicket job, RenderRound round, String token) {
        WebhookVerifier verifier = verifiers.apply(job.provider());
        if (verifier == null) {
            throw new IllegalStateException("this deployment verifies no webhooks of " + job.provider()
                    + "; configure its signing keys in the webhook secret, or it is polled");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("WaitForWebhook passed no task token; check the Payload in the ASL");
        }
        Instant expiresAt = clock.instant()
                .plus(Duration.ofSeconds(round.webhookTimeoutSeconds()))
                .plus(WebhookReceiver.TOLERANCE);
        int registered = 0;
        for (RenderRound.ProviderTask task : round.tasks()) {
            if (task.clipKey().isEmpty() && task.state() != ProviderJob.State.FAILED) {
                tokens.register(job.provider(), verifier.jobKey(task.providerJobId()), token, expiresAt);
                registered++;
            }
        }
        return registered;
    }
}
