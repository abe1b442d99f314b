package dev.reelforge.core.provider;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.Resolution;
import org.junit.jupiter.api.Test;

/** A reframe is refused, naming the model, where the bundled capability data says the model cannot do it. */
class ReframeSpecTest {
    private static final CapabilityCatalog CATALOG = CapabilityCatalog.bundled(new ObjectMapper());

    private static ReframeSpec toPortrait(String model) {
        return new ReframeSpec(
                "g-1", "more sky", model, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16, Resolution.R720P);
    }

    @Test
    void check_lumaReframes_vertexDoesNot() {
        assertThatCode(() -> toPortrait("ray-3.2")
                        .check(CATALOG.find("luma", "ray-3.2").orElseThrow()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> toPortrait("veo-3.1-generate-001")
                        .check(CATALOG.find("vertex-veo", "veo-3.1-generate-001")
                                .orElseThrow()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("vertex-veo/veo-3.1-generate-001 cannot reframe");
    }

    @Test
    void new_sameAspectRatio_refusedNamingTheField() {
        assertThatThrownBy(() -> new ReframeSpec(
                        "g-1", "", "ray-3.2", AspectRatio.PORTRAIT_9_16, AspectRatio.PORTRAIT_9_16, Resolution.R720P))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("reframe.aspectRatio");
    }
}
