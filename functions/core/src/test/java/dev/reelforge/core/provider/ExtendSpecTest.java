package dev.reelforge.core.provider;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.RequestParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An extension is refused, naming the model, where the bundled capability data says the model cannot do it. */
class ExtendSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CapabilityCatalog CATALOG = CapabilityCatalog.bundled(JSON);

    private static RenderSettings settings() {
        var node = JSON.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "x")
                .put("prompt", "A heavy iron kettle on a table, tripod shot.");
        node.putObject("settings").put("durationSeconds", 5).put("aspectRatio", "16:9");
        return new RequestParser(JSON).parse(node).settings();
    }

    private static ModelCapabilities model(String provider, String model) {
        return CATALOG.find(provider, model).orElseThrow();
    }

    @Test
    void check_lumaInFiveSecondBlocks_acceptsFiveAndTenButNotSeven() {
        ModelCapabilities luma = model("luma", "ray-3.2");

        assertThatCode(() -> new ExtendSpec("g-1", "on", "ray-3.2", settings(), 5, 5).check(luma))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ExtendSpec("g-1", "on", "ray-3.2", settings(), 5, 10).check(luma))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new ExtendSpec("g-1", "on", "ray-3.2", settings(), 5, 7).check(luma))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("extend.seconds")
                .hasMessageContaining("luma/ray-3.2 extends in 5 s blocks");
    }

    @Test
    void check_modelWithoutExtend_refusedNamingModelAndCapability() {
        assertThatThrownBy(() -> new ExtendSpec("r-1", "on", "ray-2", settings(), 5, 5)
                        .check(model("fal-queue", "fal-ai/luma-dream-machine/ray-2")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("fal-queue/fal-ai/luma-dream-machine/ray-2 cannot extend")
                .hasMessageContaining("extend");
    }

    @Test
    void check_overTheModelsMaximum_refused() {
        ModelCapabilities capped = new ModelCapabilities(
                "p",
                "m",
                false,
                List.of("16:9"),
                List.of("720p"),
                1,
                8,
                1,
                false,
                0.1,
                ModelCapabilities.Lifecycle.ACTIVE,
                null,
                List.of(),
                List.of(),
                0,
                null,
                false,
                new ModelCapabilities.Extend(true, 30, 0, true),
                null,
                List.of(),
                true,
                false,
                false,
                false);

        assertThatCode(() -> new ExtendSpec("o-1", "on", "m", settings(), 8, 22).check(capped))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new ExtendSpec("o-1", "on", "m", settings(), 8, 23).check(capped))
                .hasMessageContaining("at most 30 s");
    }
}
