package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The execution input's {@code edit} object, parsed once at the edge with errors naming the field. */
class EditRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EditRequest parse(String json) throws Exception {
        return EditRequest.parse(JSON.readTree(json));
    }

    @Test
    void parse_remix_keepsTheInstructionWhole() throws Exception {
        EditRequest edit = parse("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"remix\":\" turn the mug into glass \"}");

        assertThat(edit.kind()).isEqualTo(EditRequest.Kind.REMIX);
        assertThat(edit.instruction()).isEqualTo("turn the mug into glass");
        assertThat(edit.describe()).isEqualTo("remix: turn the mug into glass");
    }

    @Test
    void parse_recut_readsTrimRetimeAndExpand() throws Exception {
        EditRequest edit = parse("{\"of\":\"mug-1\",\"tenant\":\"demo\",\"recut\":{\"trim\":\"00:00-00:05\","
                + "\"retime\":[\"00:04-00:05=0.5\"],\"expand\":[\"00:02-00:03=00:02-00:05\"]}}");

        assertThat(edit.recut())
                .extracting(RecutOp::field)
                .containsExactly("edit.recut.trim", "edit.recut.retime[0]", "edit.recut.expand[0]");
        assertThat(edit.recut().get(2).factor()).isEqualTo(3.0);
        assertThat(edit.describe())
                .isEqualTo("recut: trim 0.000-5.000 retime 4.000-5.000=0.5000 retime 2.000-3.000=3.0000");
    }

    @Test
    void parse_badEdits_nameTheField() {
        assertThatThrownBy(() -> parse("{\"tenant\":\"demo\",\"remix\":\"x\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.of");
        assertThatThrownBy(() -> parse("{\"of\":\"../x\",\"tenant\":\"demo\",\"remix\":\"x\"}"))
                .hasMessageContaining("edit.of");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"remix\":\"x\"}")).hasMessageContaining("edit.tenant");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"tenant\":\"t\",\"remix\":\"  \"}"))
                .hasMessageContaining("edit.remix");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"tenant\":\"t\",\"remix\":\"x\",\"recut\":{}}"))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"tenant\":\"t\",\"recut\":{\"speed\":\"2\"}}"))
                .hasMessageContaining("edit.recut.speed");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"tenant\":\"t\",\"recut\":{\"retime\":\"0-1=2\"}}"))
                .hasMessageContaining("edit.recut.retime")
                .hasMessageContaining("array");
        assertThatThrownBy(() -> parse("{\"of\":\"a\",\"tenant\":\"t\",\"recut\":{}}"))
                .hasMessageContaining("at least one");
    }

    @Test
    void parse_storyboard_readsThePromptCuesAndDuration() throws Exception {
        EditRequest edit = EditRequest.parse(JSON.readTree("{\"of\":\"j\",\"tenant\":\"demo\",\"storyboard\":"
                + "{\"prompt\":\"A kettle.\\n00:00–00:05: Wide shot: it sits.\",\"audioCues\":[\"click at 00:01\"],"
                + "\"durationSeconds\":10}}"));

        assertThat(edit.kind()).isEqualTo(EditRequest.Kind.STORYBOARD);
        assertThat(edit.storyboard().prompt()).isEqualTo("A kettle.\n00:00–00:05: Wide shot: it sits.");
        assertThat(edit.storyboard().audioCues()).containsExactly("click at 00:01");
        assertThat(edit.storyboard().durationSeconds()).isEqualTo(10);
        assertThat(edit.describe()).matches("storyboard [0-9a-f]{12}");
    }

    @Test
    void parse_storyboardWithAnotherSetting_namesTheField() {
        assertThatThrownBy(() -> EditRequest.parse(JSON.readTree("{\"of\":\"j\",\"tenant\":\"demo\","
                        + "\"storyboard\":{\"prompt\":\"A kettle on a stove.\",\"fps\":30}}")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("edit.storyboard.fps");
        assertThatThrownBy(() -> EditRequest.parse(
                        JSON.readTree("{\"of\":\"j\",\"tenant\":\"demo\",\"storyboard\":{\"prompt\":\"short\"}}")))
                .hasMessageContaining("edit.storyboard.prompt");
        assertThatThrownBy(() -> EditRequest.parse(
                        JSON.readTree("{\"of\":\"j\",\"tenant\":\"demo\",\"remix\":\"x\",\"storyboard\":{}}")))
                .hasMessageContaining("exactly one of");
    }
}
