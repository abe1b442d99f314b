package dev.reelforge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.testing.InMemoryTaskTokenRegistry;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.RenderRound.ProviderTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WaitForWebhook registers its token for the round's running jobs, under the id the provider's webhook names. */
class WebhookWaitTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
    private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    private final InMemoryTaskTokenRegistry tokens = new InMemoryTaskTokenRegistry();

    private static JobTicket ticket(String provider) {
        return new JobTicket("j-1", "acme", "j-1", "", false, "", "", provider, "m", false, false, 1, 1, List.of());
    }

    private static RenderRound round(List<ProviderTask> tasks) {
        return new RenderRound(1, RoundMode.INITIAL, "p", "", tasks, RenderRound.Status.RUNNING, 0, 5, "", 1, 5, 300);
    }

    private static ProviderTask task(int variation, String id, ProviderJob.State state, String clipKey) {
        return new ProviderTask(variation, 7, id, state, 0, clipKey, "", "");
    }

    @Test
    void await_falRound_registersTheRunningJobsByFalRequestId() {
        WebhookWait wait = new WebhookWait(tokens, Map.of("fal-queue", new FalWebhookVerifier(List.of(X)))::get, CLOCK);

        int registered = wait.await(
                ticket("fal-queue"),
                round(List.of(
                        task(0, "fal-ai/ray/requests/r-1", ProviderJob.State.IN_PROGRESS, ""),
                        task(1, "fal-ai/ray/requests/r-2", ProviderJob.State.COMPLETED, "clips/a/1/1.mp4"),
                        task(2, "fal-ai/ray/requests/r-3", ProviderJob.State.FAILED, ""))),
                "tok-1");

        assertThat(registered).isEqualTo(1);
        assertThat(tokens.registered()).isEqualTo(Map.of("fal-queue#r-1", "tok-1"));
    }

    @Test
    void await_providerWhoseWebhooksAreNotVerifiedHere_refusedSoTheMachinePolls() {
        WebhookWait wait = new WebhookWait(tokens, name -> null, CLOCK);

        assertThatThrownBy(() -> wait.await(
                        ticket("fal-queue"),
                        round(List.of(task(0, "fal-ai/ray/requests/r-1", ProviderJob.State.QUEUED, ""))),
                        "tok-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fal-queue");
        assertThat(tokens.registered()).isEmpty();
    }
}
