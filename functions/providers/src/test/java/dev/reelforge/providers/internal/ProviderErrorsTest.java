package dev.reelforge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.ProviderFailedException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    @Test
    void forStatus_forbiddenWhoseTextSaysBlocked_isACredentialsProblemNotModeration() {
        var error = ProviderErrors.forStatus(
                "openai-videos",
                "creating a video",
                403,
                NO_HEADERS,
                "account_blocked: this API key is blocked until the invoice is paid",
                Clock.systemUTC());

        assertThat(error)
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("refused our credentials (HTTP 403)");
    }

    @Test
    void forStatus_badRequestNamingThePolicy_isModeration() {
        var error = ProviderErrors.forStatus(
                "openai-videos",
                "creating a video",
                400,
                NO_HEADERS,
                "moderation_blocked: the prompt violates our content policy",
                Clock.systemUTC());

        assertThat(error).isInstanceOf(ContentRejectedException.class);
    }
}
