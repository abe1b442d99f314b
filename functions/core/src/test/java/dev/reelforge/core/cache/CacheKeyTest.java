package dev.reelforge.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RequestParser;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RequestParser parser = new RequestParser(json);
    private final ModelCapabilities animatic =
            CapabilityCatalog.bundled(json).find("animatic", "").orElseThrow();

    private ObjectNode request() {
        return json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "one")
                .put("prompt", "A heavy mug falls. Camera: tripod.");
    }

    private String key(ObjectNode node) {
        return CacheKey.of(parser.parse(node), animatic);
    }

    @Test
    void of_sameContentDifferentClientIdAndBudget_sameKey() {
        assertThat(key(request().put("clientRequestId", "two").put("budgetUsd", 9)))
                .isEqualTo(key(request()));
    }

    @Test
    void of_whitespaceAndCaseInPrompt_normalisedAway() {
        assertThat(key(request().put("prompt", "  a HEAVY mug   falls. Camera: tripod. ")))
                .isEqualTo(key(request()));
    }

    @Test
    void of_otherTenantOrSettings_differentKey() {
        assertThat(key(request().put("tenant", "other"))).isNotEqualTo(key(request()));
        ObjectNode longer = request();
        longer.putObject("settings").put("durationSeconds", 8);
        assertThat(key(longer)).isNotEqualTo(key(request()));
    }

    @Test
    void sequence_ofAModelThatTakesNoFirstFrame_differsFromTheChainedSequence() throws IOException {
        JsonNode data;
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            data = json.readTree(in);
        }
        data.path("models").forEach(m -> {
            if (m.path("provider").asText().equals("animatic")) {
                ((ObjectNode) m).put("firstFrame", false);
            }
        });
        ModelCapabilities unchained =
                CapabilityCatalog.parse(data).find("animatic", "").orElseThrow();
        var request = parser.parse(request());

        assertThat(CacheKey.sequence(request, unchained, ""))
                .isNotEqualTo(CacheKey.sequence(request, animatic, ""))
                .isNotEqualTo(CacheKey.of(request, unchained));
        assertThat(CacheKey.sequence(request, animatic, ""))
                .as("a chained sequence keeps its key")
                .isEqualTo(Sha256.hex("v1 sequence\n" + CacheKey.of(request, animatic, "")));
    }
}
