package dev.reelforge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    @Test
    void get_knownName_returnsThatProvider() {
        VideoProvider animatic = new NamedProvider("animatic");
        ProviderRegistry registry = ProviderRegistry.of(animatic, new NamedProvider("luma"));

        assertThat(registry.get("animatic")).isSameAs(animatic);
        assertThat(registry.names()).containsExactly("animatic", "luma");
    }

    @Test
    void get_unknownName_throwsInvalidRequestListingTheKnownOnes() {
        ProviderRegistry registry = ProviderRegistry.of(new NamedProvider("animatic"));

        assertThatThrownBy(() -> registry.get("sora"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("provider.name")
                .hasMessageContaining("sora")
                .hasMessageContaining("animatic");
    }

    @Test
    void constructor_duplicateNames_throws() {
        assertThatThrownBy(() -> ProviderRegistry.of(new NamedProvider("a"), new NamedProvider("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private record NamedProvider(String name) implements VideoProvider {
        @Override
        public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderJob poll(String providerJobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void download(String providerJobId, Path target) {
            throw new UnsupportedOperationException();
        }
    }
}
