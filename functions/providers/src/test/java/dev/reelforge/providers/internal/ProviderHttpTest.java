package dev.reelforge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    @Test
    void pathsGoUnderTheApiRootWithOneSlashBetween() {
        for (String base :
                new String[] {"https://gw.example/v1", "https://gw.example/v1/", "https://gw.example/v1//"}) {
            assertThat(ProviderHttp.under(URI.create(base), "/videos/video_1/content?variant=video"))
                    .hasToString("https://gw.example/v1/videos/video_1/content?variant=video");
            assertThat(ProviderHttp.under(URI.create(base), "chat/completions"))
                    .hasToString("https://gw.example/v1/chat/completions");
        }
        assertThat(ProviderHttp.under(URI.create("https://queue.fal.run"), "fal-ai/luma-dream-machine/ray-2"))
                .hasToString("https://queue.fal.run/fal-ai/luma-dream-machine/ray-2");
    }

    @Test
    void credentialsAreStrippedAndRefusedWhenAHeaderCannotCarryThem() {
        assertThat(ProviderHttp.headerSafeCredential("fal-queue", "  key-123\n"))
                .isEqualTo("key-123");
        assertThatThrownBy(() -> ProviderHttp.headerSafeCredential("fal-queue", " "))
                .hasMessage("the fal-queue adapter needs an API key");
        assertThatThrownBy(() -> ProviderHttp.headerSafeCredential("fal-queue", "zq\u0007xy9"))
                .hasMessageContaining("position 3 of 6, U+0007")
                .hasMessageNotContaining("zq")
                .hasMessageNotContaining("xy9");
    }
}
