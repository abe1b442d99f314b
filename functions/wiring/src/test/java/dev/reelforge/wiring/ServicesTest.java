package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.LifecycleOverrides;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServicesTest {
    private static final ObjectMapper JSON = Services.objectMapper();
    private static final RequestParser JSON_PARSER = new RequestParser(JSON);

    private static Services lightPackageWithAnimaticEnabled() {
        return offering(
                new DirectoryClipStore(Path.of("target/services-test-bucket")), Set.of(ProviderConfig.ANIMATIC));
    }

    private static Services offering(ClipStore clips, Set<String> offered) {
        return new Services(
                JSON,
                clips,
                null,
                null,
                Map.of(),
                offered,
                CapabilityCatalog.bundled(JSON),
                Path.of("build/work"),
                Clock.systemUTC(),
                DailyBudget.unlimited());
    }

    @Test
    void packaged_lightPackage_hasNoAnimaticAdapter() {
        assertThat(ProviderAdapters.packaged(
                        ProviderConfig.ANIMATIC, HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b")), null))
                .isEmpty();
    }

    @Test
    void validator_animaticOfferedButNotPackaged_acceptsAnimaticRequests() throws IOException {
        Services services = lightPackageWithAnimaticEnabled();
        RenderRequest request =
                services.parser().parse(Files.readString(Path.of("../../events/requests/mug-drop.json")));

        assertThat(request.provider().name()).isEqualTo(ProviderConfig.ANIMATIC);
        assertThat(services.validator()
                        .validate(request, LocalDate.of(2026, 12, 1))
                        .model()
                        .provider())
                .isEqualTo("animatic");
    }

    @Test
    void validator_lifecycleOverrides_readOnlyWhereALifecycleCheckedProviderIsOffered() throws IOException {
        Path bucket = Files.createTempDirectory(Path.of("target"), "overrides");
        Files.createDirectories(bucket.resolve("config"));
        Files.writeString(bucket.resolve(LifecycleOverrides.KEY), "not the overrides");
        RenderRequest request = JSON_PARSER.parse(Files.readString(Path.of("../../events/requests/mug-drop.json")));

        assertThat(offering(new DirectoryClipStore(bucket), Set.of(ProviderConfig.ANIMATIC))
                        .validator()
                        .validate(request, LocalDate.of(2026, 12, 1))
                        .model()
                        .provider())
                .as("no provider of this deployment has overrides written, so the file is never read")
                .isEqualTo("animatic");
        Services withBedrock =
                offering(new DirectoryClipStore(bucket), Set.of(ProviderConfig.ANIMATIC, "bedrock-async"));
        assertThatThrownBy(() -> withBedrock.validator().validate(request, LocalDate.of(2026, 12, 1)))
                .as("a Bedrock deployment reads the overrides on every request, and refuses on a broken file")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LifecycleOverrides.KEY);
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
        assertThat(ProviderConfig.from(Map.of(), "us-east-1", "b").animaticEnabled())
                .isFalse();
        assertThat(ProviderConfig.from(Map.of("REELFORGE_ANIMATIC_ENABLED", "true"), "us-east-1", "b")
                        .animaticEnabled())
                .isTrue();
    }

    @Test
    void fromConfig_parserAndValidator_buildNoProviderAdapterAndLookUpNoSecret() {
        AtomicInteger secretLookups = new AtomicInteger();
        ProviderConfig openAi = ProviderConfig.from(
                Map.of(
                        "REELFORGE_OPENAI_BASE_URL",
                        "http://127.0.0.1:9/v1",
                        "REELFORGE_OPENAI_API_KEY_SECRET",
                        "arn:aws:secretsmanager:us-east-1:000000000000:secret:openai"),
                "us-east-1",
                "b");
        Services services = Services.fromConfig(HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b")), openAi, arn -> {
            secretLookups.incrementAndGet();
            return "sk-from-secrets-manager";
        });

        services.parser();
        services.validator();
        assertThat(secretLookups)
                .as("what Validate uses costs no Secrets Manager call")
                .hasValue(0);

        assertThat(services.provider("openai-videos").name()).isEqualTo("openai-videos");
        services.provider("openai-videos");
        assertThat(secretLookups).as("the adapter is built once, on first use").hasValue(1);
    }

    @Test
    void aws_oneSetOfClientsPerWiring_noneWhenGivenItsAdapters() {
        Services wired = Services.fromConfig(
                HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b")),
                ProviderConfig.from(Map.of(), "us-east-1", "b"),
                arn -> "unused");

        assertThat(wired.aws())
                .as("Ingest, Webhook and Approval share the wiring's clients")
                .isSameAs(wired.aws());
        assertThatThrownBy(() -> lightPackageWithAnimaticEnabled().aws())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no AWS clients");
    }
}
