package dev.reelforge.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documented execution input accepts what the entry points send and refuses inputs without a request. */
class RenderInputSchemaTest {
    private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix(
                            "https://reelforge.dev/schema/render-request.schema.json",
                            ROOT.resolve(
                                            "functions/core/src/main/resources/dev/reelforge/core/render-request.schema.json")
                                    .toUri()
                                    .toString())))
            .getSchema(SchemaLocation.of(ROOT.resolve("infrastructure/statemachine/render-input.schema.json")
                    .toUri()
                    .toString()));

    @Test
    void startExecutionSample_isValid() throws IOException {
        assertThat(SCHEMA.validate(JSON.readTree(
                        ROOT.resolve("events/start-execution.json").toFile())))
                .isEmpty();
    }

    @Test
    void uploadInput_withRawText_isValid() throws IOException {
        JsonNode input = JSON.readTree(
                "{\"requestText\":\"{not json\",\"source\":{\"kind\":\"s3\",\"bucket\":\"b\",\"key\":\"requests/a/b.json\","
                        + "\"etag\":\"e\",\"sequencer\":\"s\"}}");
        assertThat(SCHEMA.validate(input)).isEmpty();
    }

    @Test
    void editInputs_remixAndRecut_areValid_andAnEditBesideARequestIsNot() throws IOException {
        assertThat(SCHEMA.validate(
                        JSON.readTree("{\"edit\":{\"of\":\"mug-1\",\"tenant\":\"demo\",\"remix\":\"a glass mug\"}}")))
                .isEmpty();
        assertThat(SCHEMA.validate(JSON.readTree("{\"edit\":{\"of\":\"mug-1\",\"tenant\":\"demo\","
                        + "\"recut\":{\"expand\":[\"00:02-00:03=00:02-00:05\"]}},\"source\":{\"kind\":\"cli\"}}")))
                .isEmpty();
        assertThat(SCHEMA.validate(JSON.readTree("{\"edit\":{\"of\":\"mug-1\",\"tenant\":\"demo\"}}")))
                .as("neither remix nor recut")
                .isNotEmpty();
        assertThat(SCHEMA.validate(JSON.readTree(
                        "{\"requestText\":\"{}\",\"edit\":{\"of\":\"a\",\"tenant\":\"t\",\"remix\":\"x\"}}")))
                .isNotEmpty();
    }

    @Test
    void inputWithoutRequest_isInvalid() throws IOException {
        assertThat(SCHEMA.validate(JSON.readTree("{\"source\":{\"kind\":\"api\"}}")))
                .isNotEmpty();
        assertThat(SCHEMA.validate(JSON.readTree("{\"request\":{\"tenant\":\"acme\"}}")))
                .as("request schema applies")
                .isNotEmpty();
    }
}
