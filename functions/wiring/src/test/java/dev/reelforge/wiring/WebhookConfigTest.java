package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.webhook.FalWebhookVerifier;
import dev.reelforge.core.webhook.StandardWebhooksVerifier;
import dev.reelforge.core.webhook.WebhookRoute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    @Test
    void verifiers_secretWithFalAndReplicate_buildsOneVerifierEach() {
        var verifiers = WebhookConfig.verifiers(
                "{\"fal-queue\": {\"publicKeys\": [\"" + X + "\"]},"
                        + " \"replicate\": {\"secret\": \"whsec_c2VjcmV0\"}}",
                JSON);

        assertThat(verifiers.get("fal-queue")).isInstanceOf(FalWebhookVerifier.class);
        assertThat(verifiers.get("replicate")).isInstanceOf(StandardWebhooksVerifier.class);
    }

    @Test
    void verifiers_badEntry_namesTheProviderWithoutQuotingTheSecret() {
        assertThatThrownBy(() -> WebhookConfig.verifiers("{\"replicate\": {\"secret\": \"hunter2\"}}", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replicate")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WebhookConfig.verifiers("not json", JSON))
                .hasMessageContaining("JSON object by provider");
    }

    @Test
    void route_fromEnvironment_defaultsTheTimeoutAndIsOffWithoutAUrl() {
        assertThat(WebhookConfig.route(Map.of())).isEqualTo(WebhookRoute.NONE);
        assertThat(WebhookConfig.route(Map.of("REELFORGE_WEBHOOK_URL", "https://x.lambda-url.on.aws/")))
                .isEqualTo(new WebhookRoute("https://x.lambda-url.on.aws", 600));
        assertThatThrownBy(() -> WebhookConfig.route(
                        Map.of("REELFORGE_WEBHOOK_URL", "https://x", "REELFORGE_WEBHOOK_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REELFORGE_WEBHOOK_TIMEOUT_SECONDS");
    }
}
