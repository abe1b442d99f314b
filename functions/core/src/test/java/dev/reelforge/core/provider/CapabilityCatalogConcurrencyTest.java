package dev.reelforge.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The capability data's {@code maxConcurrentJobs}: named for every active model, one at a time where absent. */
class CapabilityCatalogConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode bundledData() throws IOException {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void bundled_everyActiveModel_namesItsLimitAndSaysWhereItCameFrom() throws IOException {
        for (JsonNode m : bundledData().path("models")) {
            if (!m.path("lifecycle").asText().equals("active")) {
                continue;
            }
            String name = m.path("provider").asText() + "/" + m.path("model").asText();
            assertThat(m.path("maxConcurrentJobs").isInt()).as(name).isTrue();
            assertThat(m.path("note").asText()).as(name).contains("maxConcurrentJobs");
        }
        CapabilityCatalog catalog = CapabilityCatalog.bundled(JSON);
        assertThat(catalog.find("animatic", "").orElseThrow().maxConcurrentJobs())
                .isEqualTo(2);
        assertThat(catalog.find("replicate", "").orElseThrow().maxConcurrentJobs())
                .isEqualTo(4);
    }

    @Test
    void parse_modelWithoutALimit_rendersOneJobAtATime() throws IOException {
        JsonNode data =
                JSON.readTree("{\"models\": [{\"provider\": \"p\", \"model\": \"m\", \"aspectRatios\": [\"16:9\"],"
                        + " \"resolutions\": [\"720p\"], \"minDurationSeconds\": 5, \"maxDurationSeconds\": 10}]}");

        assertThat(CapabilityCatalog.parse(data).models().get(0).maxConcurrentJobs())
                .isEqualTo(ModelCapabilities.DEFAULT_MAX_CONCURRENT_JOBS)
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"two\"", "true"})
    void parse_limitThatIsNotAWholeNumberAboveZero_isRefusedNamingTheModel(String limit) throws IOException {
        JsonNode data =
                JSON.readTree("{\"models\": [{\"provider\": \"p\", \"model\": \"m\", \"aspectRatios\": [\"16:9\"],"
                        + " \"resolutions\": [\"720p\"], \"minDurationSeconds\": 5, \"maxDurationSeconds\": 10,"
                        + " \"maxConcurrentJobs\": " + limit + "}]}");

        assertThatThrownBy(() -> CapabilityCatalog.parse(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p/m")
                .hasMessageContaining("maxConcurrentJobs");
    }
}
