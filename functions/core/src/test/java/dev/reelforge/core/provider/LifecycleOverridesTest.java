package dev.reelforge.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overrides from the lifecycle refresh only make a model stricter, and Validate reads them on every request. */
class LifecycleOverridesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final CapabilityCatalog bundled = CapabilityCatalog.bundled(json);
    private final CapabilityCatalog deployerPriced = ray2PricedByTheDeployer();

    @TempDir
    Path bucketDir;

    private static LifecycleOverrides.Entry entry(String model, Lifecycle state, LocalDate eol) {
        return new LifecycleOverrides.Entry("bedrock-async", model, state, eol, "test");
    }

    @Test
    void applyTo_activeFromTheProvider_neverRevivesAModelTheDataRetired() {
        CapabilityCatalog current = new LifecycleOverrides(
                        NOW, List.of(entry("amazon.nova-reel-v1:1", Lifecycle.ACTIVE, null)))
                .applyTo(bundled);

        assertThat(current.find("bedrock-async", "amazon.nova-reel-v1:1")
                        .orElseThrow()
                        .lifecycle())
                .isEqualTo(Lifecycle.RETIRED);
    }

    @Test
    void applyTo_legacyWithEndOfLife_marksLegacyAndKeepsTheEarlierDate() {
        CapabilityCatalog current = new LifecycleOverrides(
                        NOW, List.of(entry("luma.ray-v2:0", Lifecycle.LEGACY, LocalDate.of(2027, 1, 16))))
                .applyTo(bundled);

        ModelCapabilities ray2 = current.find("bedrock-async", "luma.ray-v2:0").orElseThrow();
        assertThat(ray2.lifecycle()).isEqualTo(Lifecycle.LEGACY);
        assertThat(ray2.endOfLife()).isEqualTo(LocalDate.of(2027, 1, 16));
        assertThat(current.find("fal-queue", "").orElseThrow().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void validate_modelRetiredByStoredOverride_refusedNamingItBeforeSpend() {
        DirectoryClipStore bucket = new DirectoryClipStore(bucketDir);
        RequestValidator validator = new RequestValidator(
                ContentPolicy.load(json),
                () -> LifecycleOverrides.read(bucket, json).applyTo(deployerPriced),
                Set.of("bedrock-async"));
        ObjectNode request = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", "A red ball rolls across a wooden floor, locked-off camera.")
                .put("budgetUsd", 100);
        request.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "720p");
        request.putObject("provider").put("name", "bedrock-async");
        var parsed = new RequestParser(json).parse(request);
        assertThat(validator.validate(parsed, TODAY).model().model()).isEqualTo("luma.ray-v2:0");

        new LifecycleOverrides(NOW, List.of(entry("luma.ray-v2:0", Lifecycle.RETIRED, null))).write(bucket, json);

        assertThatThrownBy(() -> validator.validate(parsed, TODAY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("bedrock-async/luma.ray-v2:0 was retired");
    }

    @Test
    void validate_bundledRay2WithoutAFirstPartyPrice_refusedBeforeSpendUntilTheDeployerSetsOne() {
        RequestValidator validator = new RequestValidator(ContentPolicy.load(json), bundled, Set.of("bedrock-async"));

        assertThatThrownBy(() -> validator.validate(ray2Request(), TODAY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("bedrock-async/luma.ray-v2:0 has no price in the capability data")
                .hasMessageContaining("pricePerSecondUsd");
    }

    private RenderRequest ray2Request() {
        ObjectNode request = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t2")
                .put("prompt", "A red ball rolls across a wooden floor, locked-off camera.")
                .put("budgetUsd", 100);
        request.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 5)
                .put("resolution", "720p");
        request.putObject("provider").put("name", "bedrock-async");
        return new RequestParser(json).parse(request);
    }

    /** The bundled data with a price on Bedrock's Ray2, as a deployer's REELFORGE_CAPABILITIES_FILE gives it. */
    private CapabilityCatalog ray2PricedByTheDeployer() {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            for (var model : root.withArray("models")) {
                if (model.path("model").asText().equals("luma.ray-v2:0")) {
                    ((ObjectNode) model).put("pricePerSecondUsd", 1.0);
                }
            }
            return CapabilityCatalog.parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void read_brokenFile_refusesToValidateNamingTheObject() {
        DirectoryClipStore bucket = new DirectoryClipStore(bucketDir);
        bucket.putBytes(LifecycleOverrides.KEY, "{not json".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThatThrownBy(() -> LifecycleOverrides.read(bucket, json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LifecycleOverrides.KEY);
    }

    @Test
    void read_nothingStored_isNoOverride() {
        assertThat(LifecycleOverrides.read(new DirectoryClipStore(bucketDir), json)
                        .entries())
                .isEmpty();
    }
}
