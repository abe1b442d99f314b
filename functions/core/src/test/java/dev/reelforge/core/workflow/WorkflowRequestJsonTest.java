package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validate hands the parsed request to Submit, ReviewScore and PostProcess as {@code $.request}; they read it back as
 * a record, without the schema or the prompt parser. Its wire form is fixed here, so a renamed field fails the build
 * instead of a running execution.
 */
class WorkflowRequestJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/requests");
    private static final RequestParser PARSER = new RequestParser(JSON);

    @Test
    void parsedRequest_readsBackAsTheSameRecord() throws IOException {
        List<Path> valid;
        try (var requests = Files.list(EVENTS)) {
            valid = requests.filter(p -> !p.getFileName().toString().startsWith("invalid-"))
                    .filter(p -> p.toString().endsWith(".json"))
                    .toList();
        }
        assertThat(valid).hasSizeGreaterThan(3);
        for (Path file : valid) {
            RenderRequest parsed = PARSER.parse(JSON.readTree(file.toFile()));
            JsonNode wire = JSON.valueToTree(parsed);

            assertThat(JSON.treeToValue(wire, RenderRequest.class))
                    .as(file.toString())
                    .isEqualTo(parsed);
        }
    }

    @Test
    void mugDrop_writesTheWireFormTheLaterStatesRead() throws IOException {
        RenderRequest parsed =
                PARSER.parse(JSON.readTree(EVENTS.resolve("mug-drop.json").toFile()));

        JsonNode pinned = JSON.readTree(WorkflowRequestJsonTest.class.getResource("/state/mug-drop-request.json"));

        assertThat(JSON.<JsonNode>valueToTree(parsed)).isEqualTo(pinned);
    }

    @Test
    void stateWrittenWithConstantNames_stillReads() throws IOException {
        RenderRequest parsed =
                PARSER.parse(JSON.readTree(EVENTS.resolve("mug-drop.json").toFile()));
        ObjectNode old = JSON.valueToTree(parsed);
        ((ObjectNode) old.get("settings")).put("aspectRatio", "PORTRAIT_9_16").put("resolution", "R720P");
        old.put("onGiveUp", "ACCEPT_BEST");

        assertThat(JSON.treeToValue(old, RenderRequest.class))
                .as("an execution in flight across the deployment holds the earlier form")
                .isEqualTo(parsed);
    }
}
