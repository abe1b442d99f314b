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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model features a request can lean on: native audio, frames, extend, edit, reframe, and a known price. */
class ModelFeatureFitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String CUED_PROMPT =
            "A heavy iron kettle slides off a table, tripod shot. Audio: impact at 00:03.2";
    private final ObjectMapper json = new ObjectMapper();
    private final RequestParser parser = new RequestParser(json);

    private RequestValidator validator(String... models) throws IOException {
        CapabilityCatalog catalog =
                CapabilityCatalog.parse(json.readTree("{\"models\": [" + String.join(",", models) + "]}"));
        return new RequestValidator(ContentPolicy.load(json), catalog, Set.of("silent", "loud"));
    }

    private static String model(String provider, String extra) {
        return "{\"provider\": \"" + provider
                + "\", \"model\": \"m1\", \"default\": true, \"aspectRatios\": [\"16:9\"],"
                + " \"resolutions\": [\"720p\"], \"minDurationSeconds\": 4, \"maxDurationSeconds\": 10, \"lifecycle\": \"active\""
                + extra + "}";
    }

    private RenderRequest request(String provider, String prompt, String thresholdName) {
        ObjectNode node = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", prompt)
                .put("budgetUsd", 100);
        node.putObject("settings")
                .put("aspectRatio", "16:9")
                .put("durationSeconds", 8)
                .put("resolution", "720p");
        node.putObject("provider").put("name", provider);
        if (thresholdName != null) {
            node.putObject("review").putObject("thresholds").put(thresholdName, 120);
        }
        return parser.parse(node);
    }

    @Test
    void parse_newFeatureFields_readEveryField() throws IOException {
        CapabilityCatalog catalog = CapabilityCatalog.parse(json.readTree("{\"models\": ["
                + model(
                        "loud",
                        ", \"pricePerSecondUsd\": 0.4,"
                                + " \"nativeAudio\": true, \"firstFrame\": true, \"lastFrame\": true, \"reframe\": true,"
                                + " \"extend\": {\"maxSeconds\": 148, \"blockSeconds\": 7, \"onlyOwnOutputs\": true}")
                + "]}"));

        ModelCapabilities m = catalog.find("loud", "").orElseThrow();

        assertThat(m.nativeAudio()).isTrue();
        assertThat(m.firstFrame()).isTrue();
        assertThat(m.lastFrame()).isTrue();
        assertThat(m.reframe()).isTrue();
        assertThat(m.extend()).isEqualTo(new ModelCapabilities.Extend(true, 148, 7, true));
        assertThat(m.priceKnown()).isTrue();
    }

    @Test
    void parse_absentFeatureFields_meanTheModelCannot() throws IOException {
        ModelCapabilities m = CapabilityCatalog.parse(json.readTree("{\"models\": [" + model("silent", "") + "]}"))
                .find("silent", "")
                .orElseThrow();

        assertThat(m.nativeAudio()).isFalse();
        assertThat(m.firstFrame() || m.lastFrame() || m.reframe() || m.edit() || m.remix())
                .isFalse();
        assertThat(m.extend()).isEqualTo(ModelCapabilities.Extend.NONE);
        assertThat(m.priceKnown()).isFalse();
    }

    @Test
    void validate_audioThresholdOnSilentModel_refusedNamingModelCheckAndAlternative() throws IOException {
        RequestValidator validator = validator(
                model("silent", ", \"pricePerSecondUsd\": 0.1"),
                model("loud", ", \"pricePerSecondUsd\": 0.1, \"nativeAudio\": true"));

        assertThatThrownBy(() -> validator.validate(request("silent", CUED_PROMPT, "avSyncMs"), TODAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.Problem::field)
                                .containsExactly("review.thresholds.avSyncMs"))
                .hasMessageContaining("silent/m1 renders no audio (nativeAudio: false)")
                .hasMessageContaining("the av-sync check cannot run")
                .hasMessageContaining("loud/m1");
    }

    @Test
    void validate_audioThresholdOnModelWithNativeAudio_accepted() throws IOException {
        RequestValidator validator = validator(model("loud", ", \"pricePerSecondUsd\": 0.1, \"nativeAudio\": true"));

        var accepted = validator.validate(request("loud", CUED_PROMPT, "audioCueToleranceFrames"), TODAY);

        assertThat(accepted.model().qualifiedName()).isEqualTo("loud/m1");
        assertThat(accepted.warnings()).noneSatisfy(w -> assertThat(w).contains("renders no audio"));
    }

    @Test
    void validate_audioCuesOnSilentModel_acceptedWithWarningThatAudioChecksWillNotApply() throws IOException {
        RequestValidator validator = validator(model("silent", ", \"pricePerSecondUsd\": 0.1"));

        var accepted = validator.validate(request("silent", CUED_PROMPT, null), TODAY);

        assertThat(accepted.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("audioCues: silent/m1 renders no audio")
                        .contains("1 timed cue(s)")
                        .contains("will not apply")
                        .contains("With sound: none configured"));
    }

    @Test
    void validate_noAudioCues_adviceToAddThemOnlyForAModelWithSound() throws IOException {
        RequestValidator validator = validator(
                model("silent", ", \"pricePerSecondUsd\": 0.1"),
                model("loud", ", \"pricePerSecondUsd\": 0.1, \"nativeAudio\": true"));
        String prompt = "A heavy iron kettle slides off a table, tripod shot.";

        assertThat(validator.validate(request("silent", prompt, null), TODAY).warnings())
                .noneSatisfy(w -> assertThat(w).contains("add timed audio cues"));
        assertThat(validator.validate(request("loud", prompt, null), TODAY).warnings())
                .anySatisfy(w -> assertThat(w).contains("add timed audio cues"));
    }

    @Test
    void validate_modelWithoutPrice_refusedBeforeSpending() throws IOException {
        RequestValidator validator = validator(model("loud", ", \"nativeAudio\": true"));

        assertThatThrownBy(() -> validator.validate(request("loud", "A heavy iron kettle, tripod shot.", null), TODAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.Problem::field)
                                .containsExactly("provider.model"))
                .hasMessageContaining("loud/m1 has no price in the capability data");
    }
}
