package dev.reelforge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Veo 3.1 and Ray 3.2 entries of the bundled capability data, as Validate reads them. */
class BundledProviderModelsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private final ObjectMapper json = new ObjectMapper();
    private final CapabilityCatalog bundled = CapabilityCatalog.bundled(json);

    private RenderRequest request(String provider, String model, double seconds, String threshold) {
        ObjectNode node = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", "A white mug slides off an oak table and shatters. Audio: impact at 00:03.2")
                .put("budgetUsd", 100);
        node.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", seconds)
                .put("resolution", "720p");
        node.putObject("provider").put("name", provider).put("model", model);
        if (threshold != null) {
            node.putObject("review").putObject("thresholds").put(threshold, 120);
        }
        return new RequestParser(json).parse(node);
    }

    /** The bundled data with a deployer's price on every model that has none, as REELFORGE_CAPABILITIES_FILE gives. */
    private CapabilityCatalog priced() {
        List<ModelCapabilities> models = new ArrayList<>();
        for (ModelCapabilities m : bundled.usable(TODAY, Set.of("vertex-veo", "luma"))) {
            models.add(new ModelCapabilities(
                    m.provider(),
                    m.model(),
                    m.isDefault(),
                    m.aspectRatios(),
                    m.resolutions(),
                    m.minDurationSeconds(),
                    m.maxDurationSeconds(),
                    m.maxVariations(),
                    m.remix(),
                    0.5,
                    m.lifecycle(),
                    m.endOfLife(),
                    m.sizes(),
                    m.fps(),
                    m.maxPromptChars(),
                    m.referenceImages(),
                    m.edit(),
                    m.extend(),
                    m.retirementAnnounced(),
                    m.durations(),
                    m.nativeAudio(),
                    m.firstFrame(),
                    m.lastFrame(),
                    m.reframe()));
        }
        return new CapabilityCatalog(models);
    }

    @Test
    void veoAndRay32_withoutACitedPrice_refusedBeforeSpending() {
        RequestValidator validator =
                new RequestValidator(ContentPolicy.load(json), bundled, Set.of("vertex-veo", "luma"));

        assertThatThrownBy(() -> validator.validate(request("vertex-veo", "veo-3.1-generate-001", 8, null), TODAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.Problem::field)
                                .containsExactly("provider.model"))
                .hasMessageContaining("vertex-veo/veo-3.1-generate-001 has no price");
    }

    @Test
    void veo31_priced_accepts8SecondsLandscapeWithAudioChecks() {
        RequestValidator validator =
                new RequestValidator(ContentPolicy.load(json), priced(), Set.of("vertex-veo", "luma"));

        var accepted = validator.validate(request("vertex-veo", "veo-3.1-generate-001", 8, "avSyncMs"), TODAY);

        assertThat(accepted.model().nativeAudio()).isTrue();
        assertThat(accepted.model().referenceImages().max()).isEqualTo(3);
        assertThat(accepted.model().extend().onlyOwnOutputs()).isTrue();
        assertThat(accepted.warnings()).noneSatisfy(w -> assertThat(w).contains("renders no audio"));
    }

    @Test
    void ray32_priced_refusesAudioChecksNamingTheModelAndVeo() {
        RequestValidator validator =
                new RequestValidator(ContentPolicy.load(json), priced(), Set.of("vertex-veo", "luma"));

        assertThatThrownBy(() -> validator.validate(request("luma", "ray-3.2", 5, "avSyncMs"), TODAY))
                .hasMessageContaining("luma/ray-3.2 renders no audio (nativeAudio: false)")
                .hasMessageContaining("vertex-veo/veo-3.1-generate-001");
        assertThat(validator
                        .validate(request("luma", "ray-3.2", 5, null), TODAY)
                        .warnings())
                .anySatisfy(w -> assertThat(w).startsWith("audioCues: luma/ray-3.2 renders no audio"));
    }
}
