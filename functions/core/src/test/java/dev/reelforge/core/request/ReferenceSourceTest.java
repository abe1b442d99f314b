package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The request's {@code referenceImage} reads and writes as the request spells it: a key, or {@code {"generate"}}. */
class ReferenceSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    private static ObjectNode mugDrop() throws Exception {
        return (ObjectNode) JSON.readTree(MUG_DROP.toFile());
    }

    @Test
    void parse_generateObject_keepsItsWireFormThroughTheWorkflowState() throws Exception {
        ObjectNode wire = mugDrop();
        wire.putObject("referenceImage").put("generate", "a white mug on an oak table");

        RenderRequest request = new RequestParser(JSON).parse(wire);
        JsonNode carried = JSON.valueToTree(request);

        assertThat(request.referenceImage().generates()).isTrue();
        assertThat(carried.path("referenceImage").path("generate").asText()).isEqualTo("a white mug on an oak table");
        assertThat(JSON.treeToValue(carried, RenderRequest.class)).isEqualTo(request);
    }

    @Test
    void parse_keyOrNone_writesAStringOrNothing() throws Exception {
        RenderRequest keyed = new RequestParser(JSON).parse(mugDrop().put("referenceImage", "references/demo/a.png"));
        RenderRequest none = new RequestParser(JSON).parse(mugDrop());

        assertThat(JSON.valueToTree(keyed).path("referenceImage").asText()).isEqualTo("references/demo/a.png");
        assertThat(JSON.valueToTree(none).has("referenceImage")).isFalse();
        assertThat(JSON.treeToValue(JSON.valueToTree(none), RenderRequest.class))
                .isEqualTo(none);
    }

    @Test
    void parse_generateWithOtherFieldsOrBlank_refusedNamingTheField() throws Exception {
        ObjectNode extra = mugDrop();
        extra.putObject("referenceImage").put("generate", "a mug").put("model", "dall-e-3");
        ObjectNode blank = mugDrop();
        blank.putObject("referenceImage").put("generate", "   ");

        assertThatThrownBy(() -> new RequestParser(JSON).parse(extra))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage");
        assertThatThrownBy(() -> new RequestParser(JSON).parse(blank))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage");
    }
}
