package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServicesTest {
    private static final ObjectMapper JSON = Services.objectMapper();

    private static Services lightPackageWithAnimaticEnabled() {
        return new Services(JSON, null, null, null, Map.of(), Set.of(ProviderConfig.ANIMATIC), CapabilityCatalog.bundled(JSON),
                Path.of("build/work"), Clock.systemUTC(), DailyBudget.unlimited());
    }

    @Test
    void packaged_lightPackage_hasNoAnimaticAdapter() {
        assertThat(ProviderAdapters.packaged(ProviderConfig.ANIMATIC, HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b")), null)).isEmpty();
    }

    @Test
    void validator_animaticOfferedButNotPackaged_acceptsAnimaticRequests() throws IOException {
        Services services = lightPackageWithAnimaticEnabled();
        RenderRequest request = services.parser().parse(Files.readString(Path.of("../../events/requests/mug-drop.json")));

        assertThat(request.provider().name()).isEqualTo(ProviderConfig.ANIMATIC);
        assertThat(services.validator().validate(request, LocalDate.of(2026, 12, 1)).model().provider()).isEqualTo("animatic");
    }

    @Test
    void provider_animaticOfferedButNotPackaged_namesTheMediaPackage() {
        assertThatThrownBy(() -> lightPackageWithAnimaticEnabled().provider(ProviderConfig.ANIMATIC))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("functions/handlers-media");
    }

    @Test
    void provider_notOffered_saysNoAdapterInThisDeployment() {
        assertThatThrownBy(() -> lightPackageWithAnimaticEnabled().provider("fal-queue"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no adapter for provider 'fal-queue' in this deployment");
    }

    @Test
    void from_animaticFlag_parsedAndOffByDefault() {
        assertThat(ProviderConfig.from(Map.of(), "us-east-1", "b").animaticEnabled()).isFalse();
        assertThat(ProviderConfig.from(Map.of("REELFORGE_ANIMATIC_ENABLED", "true"), "us-east-1", "b").animaticEnabled()).isTrue();
    }
}
