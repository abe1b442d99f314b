package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {
    static final Path REQUESTS = Path.of("../../events/requests");
    private final RequestParser parser = new RequestParser(new ObjectMapper());

    @Test
    void parse_mugDropSample_readsBeatsCuesAndSettings() throws IOException {
        RenderRequest request = parser.parse(Files.readString(REQUESTS.resolve("mug-drop.json")));

        assertThat(request.tenant()).isEqualTo("demo");
        assertThat(request.settings().aspectRatio()).isEqualTo(AspectRatio.PORTRAIT_9_16);
        assertThat(request.settings().frameSize()).isEqualTo(new FrameSize(720, 1280));
        assertThat(request.storyboard().beats()).extracting(Beat::startSeconds).containsExactly(0.0, 2.0, 4.0);
        assertThat(request.storyboard().audioCues())
                .extracting(AudioCue::atSeconds)
                .containsExactly(1.5, 3.2, 3.6);
        assertThat(request.storyboard().audioCues().get(1).description()).isEqualTo("hard ceramic impact");
        assertThat(request.storyboard().beatBoundaries()).containsExactly(2.0, 4.0);
        assertThat(request.provider().name()).isEqualTo("animatic");
    }

    @Test
    void parse_defaultsFilledIn_whenSettingsAbsent() {
        RenderRequest request = parser.parse(
                "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\"}");

        assertThat(request.settings().durationSeconds()).isEqualTo(6);
        assertThat(request.settings().fps()).isEqualTo(24);
        assertThat(request.storyboard().beats()).hasSize(1);
        assertThat(request.storyboard().beats().get(0).endSeconds()).isEqualTo(6);
    }

    @Test
    void parse_outOfRangeDuration_namesTheField() {
        assertThatThrownBy(() -> parser.parse(Files.readString(REQUESTS.resolve("invalid-duration.json"))))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.field()).isEqualTo("settings.durationSeconds")));
    }

    @Test
    void parse_unknownField_namesTheField() {
        assertThatThrownBy(() -> parser.parse(Files.readString(REQUESTS.resolve("invalid-unknown-field.json"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("setings");
    }

    @Test
    void parse_unsupportedAspectRatio_namesTheField() {
        assertThatThrownBy(() -> parser.parse(Files.readString(REQUESTS.resolve("invalid-aspect-ratio.json"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("settings.aspectRatio");
    }

    @Test
    void parse_malformedJson_saysWhereWithoutAStackTrace() {
        assertThatThrownBy(() -> parser.parse(Files.readString(REQUESTS.resolve("invalid-malformed.json"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("invalid request: $: not valid JSON at line 1");
    }

    @Test
    void parse_pathTraversalTenant_isRefusedBySchema() {
        assertThatThrownBy(() -> parser.parse(
                        "{\"tenant\":\"../etc\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tenant");
    }

    @Test
    void parse_beatEndingAfterDuration_isRefused() {
        String prompt = "A heavy box.\\n00:00–00:04: it slides.\\n00:04-00:09: it stops.";
        assertThatThrownBy(() ->
                        parser.parse("{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"" + prompt + "\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("after the clip's 6.0 s duration");
    }

    @Test
    void parse_cueWithoutTime_namesTheCue() {
        assertThatThrownBy(
                        () -> parser.parse(
                                "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\",\"audioCues\":[\"a loud bang\"]}"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("audioCues[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tenant\":\"acme\\n\"", "\"clientRequestId\":\"a1\\n\"", "\"tenant\":\"acme\\r\\n\""})
    void parse_idWithTrailingLineBreak_namesTheField(String member) {
        String request = "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\","
                + member + "}";
        String field = member.substring(1, member.indexOf('"', 1));

        assertThatThrownBy(() -> parser.parse(request))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly(field));
    }

    @Test
    void parse_thresholdBeyondDoubleRange_namesTheField() {
        String request = "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\","
                + "\"review\":{\"thresholds\":{\"flicker\":1e400,\"blur\":-1e400}}}";

        assertThatThrownBy(() -> parser.parse(request))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .contains("review.thresholds.flicker", "review.thresholds.blur"));
    }

    @Test
    void parse_textOver64KiB_isRefusedWholeBeforeReading() {
        String request = "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":" + "[".repeat(70_000);

        assertThatThrownBy(() -> parser.parse(request))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p ->
                                        assertThat(p.toString()).isEqualTo("$: the request is larger than 64 KiB")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\\t"})
    void parse_unknownFieldWithABlankName_namesItInBrackets(String name) {
        String request = "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\","
                + "\"settings\":{\"" + name + "\":1},\"" + name + "\":1}";
        String unescaped = name.replace("\\t", "\t");

        assertThatThrownBy(() -> parser.parse(request))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactlyInAnyOrder("['" + unescaped + "']", "settings['" + unescaped + "']"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"settings\":{\"fps\":1e400}|settings.fps",
                "\"maxAttempts\":-1e400|maxAttempts",
                "\"settings\":{\"variations\":1e400}|settings.variations"
            })
    void parse_numberBeyondDoubleRangeWhereTheSchemaComparesExactly_namesTheField(String member, String field) {
        String request = "{\"tenant\":\"acme\",\"clientRequestId\":\"a1\",\"prompt\":\"A heavy glass jar rolls.\","
                + member + "}";

        assertThatThrownBy(() -> parser.parse(request))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly(field));
    }
}
