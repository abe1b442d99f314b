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
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The descriptor fields beyond ratio and resolution: sizes, fps, fixed durations, prompt length, lifecycle. */
class CapabilityFitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ObjectMapper json = new ObjectMapper();
    private final RequestParser parser = new RequestParser(json);

    private RequestValidator validator(String models) throws IOException {
        CapabilityCatalog catalog = CapabilityCatalog.parse(json.readTree("{\"models\": [" + models + "]}"));
        return new RequestValidator(ContentPolicy.load(json), catalog, Set.of("gw", "animatic"));
    }

    private RenderRequest request(String prompt, double seconds, int fps, String resolution) {
        ObjectNode node = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", prompt)
                .put("budgetUsd", 100);
        node.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", seconds)
                .put("fps", fps)
                .put("resolution", resolution);
        node.putObject("provider").put("name", "gw");
        return parser.parse(node);
    }

    private static String model(String extra) {
        return "{\"provider\": \"gw\", \"model\": \"m1\", \"default\": true, \"aspectRatios\": [\"16:9\", \"9:16\"],"
                + " \"resolutions\": [\"720p\", \"1080p\"], \"minDurationSeconds\": 4, \"maxDurationSeconds\": 12,"
                + " \"pricePerSecondUsd\": 0.1, \"lifecycle\": \"active\"" + extra + "}";
    }

    @Test
    void parse_extendedDescriptor_readsEveryField() throws IOException {
        CapabilityCatalog catalog = CapabilityCatalog.parse(json.readTree("{\"models\": ["
                + model(", \"sizes\": [\"1280x720\"],"
                        + " \"fps\": [24], \"durations\": [4, 8], \"maxPromptChars\": 500, \"edit\": true, \"extend\": true,"
                        + " \"retirementAnnounced\": \"2026-03-24\", \"referenceImages\": {\"max\": 1, \"mediaTypes\": [\"image/png\"],"
                        + " \"mustMatchFrameSize\": true}")
                + "]}"));

        ModelCapabilities m = catalog.find("gw", "").orElseThrow();

        assertThat(m.sizes()).containsExactly("1280x720");
        assertThat(m.fps()).containsExactly(24);
        assertThat(m.durations()).containsExactly(4.0, 8.0);
        assertThat(m.maxPromptChars()).isEqualTo(500);
        assertThat(m.edit()).isTrue();
        assertThat(m.extend().supported()).isTrue();
        assertThat(m.retirementAnnounced()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(m.referenceImages()).isEqualTo(new ModelCapabilities.ReferenceImages(1, List.of("image/png"), true));
    }

    @Test
    void validate_unsupportedFpsSizeDurationAndLongPrompt_refusedBeforeSpending() throws IOException {
        RequestValidator validator = validator(model(
                ", \"sizes\": [\"1280x720\"], \"fps\": [24], \"durations\": [4, 8]," + " \"maxPromptChars\": 40"));

        assertThatThrownBy(() -> validator.validate(
                        request("A heavy iron kettle slides off a table, tripod shot.", 6, 30, "1080p"), TODAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.Problem::field)
                                .contains("settings.fps", "settings.durationSeconds", "settings.resolution", "prompt"))
                .hasMessageContaining("renders only [4, 8] s")
                .hasMessageContaining("not 1920x1080")
                .hasMessageContaining("takes at most 40 characters");
    }

    @Test
    void validate_supportedCombination_accepted() throws IOException {
        RequestValidator validator =
                validator(model(", \"sizes\": [\"1280x720\"], \"fps\": [24], \"durations\": [4, 8]"));

        assertThat(validator
                        .validate(request("A heavy iron kettle, tripod shot.", 8, 24, "720p"), TODAY)
                        .model()
                        .model())
                .isEqualTo("m1");
    }

    @Test
    void validate_legacyModel_acceptedWithWarningNamingAlternatives() throws IOException {
        RequestValidator validator = validator(
                model("").replace("\"active\"", "\"legacy\", \"endOfLife\": \"2027-01-31\"")
                        + ", {\"provider\": \"animatic\", \"model\": \"animatic-1\", \"default\": true, \"aspectRatios\": [\"16:9\"],"
                        + " \"resolutions\": [\"720p\"], \"minDurationSeconds\": 5, \"maxDurationSeconds\": 10, \"lifecycle\": \"active\"}");

        var accepted = validator.validate(request("A heavy iron kettle, tripod shot.", 8, 24, "720p"), TODAY);

        assertThat(accepted.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("gw/m1 is a legacy model retiring on 2027-01-31")
                        .contains("animatic/animatic-1"));
    }
}
