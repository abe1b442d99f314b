package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelforge validate} shows what it understood of the prompt: as JSON with {@code --json}, else as a summary. */
class ValidateCommandTest {
    private static final String REQUESTS = "../../../events/requests/";
    private static final String THREE_SHOTS = """
            {"tenant": "demo", "clientRequestId": "bakery-001",
             "prompt": "A sunlit bakery. 00:00–00:03: Wide shot of the counter. 00:03–00:06: Close-up of a steel spoon stirring batter. 00:06–00:09: Medium shot of the baker at the oven. Audio: spoon clink at 00:01, oven door open at 00:05, footsteps at 00:07",
             "settings": {"durationSeconds": 9}, "continuous": true}
            """;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = ReelforgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path mugDropWithImage(Path dir, String image) throws IOException {
        var request = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(Path.of(REQUESTS, "mug-drop.json").toFile());
        request.put("referenceImage", image);
        return Files.writeString(dir.resolve("request.json"), request.toString());
    }

    @Test
    void validate_localReferenceImage_isCheckedByItsBytes(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("mug.png"), dev.reelforge.core.testing.Stills.png(720, 1280, 0));
        Files.writeString(dir.resolve("fake.png"), "not an image at all, whatever its name says");

        assertThat(execute("validate", mugDropWithImage(dir, "mug.png").toString()))
                .as(err.toString())
                .isZero();
        assertThat(execute("validate", mugDropWithImage(dir, "fake.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("referenceImage: not a PNG, JPEG or WebP image");
        assertThat(execute("validate", mugDropWithImage(dir, "../escape.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("referenceImage: the file '../escape.png' leaves the request file's folder");
    }

    @Test
    void validate_lastFrameOrReferenceImagesTheModelCannotTake_refusedNamingModelAndCapability(@TempDir Path dir)
            throws IOException {
        Files.write(dir.resolve("mug.png"), dev.reelforge.core.testing.Stills.png(720, 1280, 0));
        var request = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(mugDropWithImage(dir, "mug.png").toFile());
        request.put("lastFrame", "mug.png");
        Path withLast = Files.writeString(dir.resolve("last.json"), request.toString());
        request.remove("lastFrame");
        request.putArray("referenceImages").addObject().put("image", "mug.png");
        Path withList = Files.writeString(dir.resolve("list.json"), request.toString());

        assertThat(execute("validate", withLast.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("lastFrame: animatic/animatic-1 takes no last frame (its capability data"
                        + " has no lastFrame)");
        assertThat(execute("validate", withList.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("referenceImages: animatic/animatic-1 takes no list of reference images");
    }

    @Test
    void validateJson_mugDrop_printsOneShotTimedCuesAndTheScene() throws IOException {
        assertThat(execute("validate", "--json", REQUESTS + "mug-drop.json"))
                .as(err.toString())
                .isZero();

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("valid").asBoolean()).isTrue();
        assertThat(doc.path("errors")).isEmpty();
        assertThat(doc.path("warnings").isArray()).isTrue();
        assertThat(doc.path("beats")).hasSize(3);
        assertThat(doc.path("beats").get(1).path("start").asDouble()).isEqualTo(2.0);
        assertThat(doc.path("beats").get(1).path("end").asDouble()).isEqualTo(4.0);
        assertThat(doc.path("beats").get(1).path("text").asText()).startsWith("the mug tips over the edge");
        assertThat(doc.path("beats").findValuesAsText("shot")).containsExactly("0", "0", "0");
        assertThat(doc.path("cues").findValues("at"))
                .extracting(JsonNode::asDouble)
                .containsExactly(1.5, 3.2, 3.6);
        assertThat(doc.path("cues").get(1).path("sound").asText()).isEqualTo("hard ceramic impact");
        assertThat(doc.path("shots"))
                .singleElement()
                .satisfies(s -> assertThat(s.path("start").asDouble()).isZero())
                .satisfies(s -> assertThat(s.path("end").asDouble()).isEqualTo(6.0));
        JsonNode mug = doc.path("scene").path("subjects").get(0);
        assertThat(mug.path("noun").asText()).isEqualTo("mug");
        assertThat(mug.path("colour").asText()).isEqualTo("white");
        assertThat(mug.path("material").asText()).isEqualTo("ceramic");
        assertThat(mug.path("massGrams").asDouble()).isEqualTo(350.0);
        assertThat(doc.path("scene").path("light").path("direction").asText()).isEqualTo("left");
        assertThat(doc.path("scene").path("camera").path("move").asText()).isEqualTo("static");
    }

    @Test
    void validateJson_inlineThreeShotParagraph_threeShotsWithTheirFramings(@TempDir Path dir) throws IOException {
        Path request = Files.writeString(dir.resolve("bakery.json"), THREE_SHOTS);

        assertThat(execute("validate", "--json", request.toString()))
                .as(err.toString())
                .isZero();

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("beats").findValuesAsText("shot")).containsExactly("0", "1", "2");
        assertThat(doc.path("shots").findValuesAsText("framing")).containsExactly("wide", "close-up", "medium");
        assertThat(doc.path("shots").findValuesAsText("camera"))
                .containsExactly("unspecified", "unspecified", "unspecified");
        assertThat(doc.path("shots").findValues("start"))
                .extracting(JsonNode::asDouble)
                .containsExactly(0.0, 3.0, 6.0);
        assertThat(doc.path("cues").findValuesAsText("sound"))
                .containsExactly("spoon clink", "oven door open", "footsteps");
    }

    @Test
    void validateJson_kitchenSpill_showsWhatThePeopleWearAndWhatTheGlassHolds() throws IOException {
        assertThat(execute("validate", "--json", REQUESTS + "kitchen-spill-handheld.json"))
                .as(err.toString())
                .isZero();

        JsonNode subjects =
                new ObjectMapper().readTree(out.toString()).path("scene").path("subjects");
        assertThat(subjects.findValuesAsText("noun")).containsExactly("woman", "man", "glass");
        assertThat(subjects.get(0).path("clothing").get(0).path("item").asText())
                .isEqualTo("dress");
        assertThat(subjects.get(0).path("clothing").get(0).path("colour").asText())
                .isEqualTo("blue");
        assertThat(subjects.get(1).path("clothing").findValuesAsText("item")).containsExactly("jacket", "trousers");
        assertThat(subjects.get(2).path("liquid").asText()).isEqualTo("wine");
    }

    @Test
    void validateJson_invalidRequest_exitsTwoWithTheFieldInErrors() throws IOException {
        assertThat(execute("validate", "--json", REQUESTS + "invalid-duration.json"))
                .isEqualTo(2);

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("valid").asBoolean()).isFalse();
        assertThat(doc.path("errors").findValuesAsText("field")).contains("settings.durationSeconds");
        assertThat(doc.path("beats")).isEmpty();
    }

    @Test
    void validateJson_hybridStyle_exitsTwoButStillShowsTheParsedPrompt() throws IOException {
        assertThat(execute("validate", "--json", REQUESTS + "invalid-hybrid-style.json"))
                .isEqualTo(2);

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("errors").findValuesAsText("field")).contains("settings.style");
        assertThat(doc.path("beats")).isNotEmpty();
    }

    @Test
    void validate_withoutJson_summarisesBeatsCuesShotsAndScene() {
        assertThat(execute("validate", REQUESTS + "mug-drop.json")).isZero();

        assertThat(out.toString())
                .contains("valid: animatic/animatic-1, 3 beat(s), 3 audio cue(s)")
                .containsPattern("2\\.00– 4\\.00 s  shot 1  the mug tips over the edge")
                .contains("3.20 s  hard ceramic impact")
                .contains("ambience (untimed): quiet kitchen room tone throughout")
                .contains("shots: 1 (no cut expected)")
                .contains("subject: mug (white, ceramic, 350 g, breaks into 3 pieces)")
                .contains("light: left")
                .contains("camera: static, locked-off, 35 mm");
    }

    @Test
    void validate_withoutJson_rejectionStillGoesToStderrNamingTheField() {
        assertThat(execute("validate", REQUESTS + "invalid-duration.json")).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("rejected: ")
                .contains("settings.durationSeconds")
                .doesNotContain("Exception");
    }
}
