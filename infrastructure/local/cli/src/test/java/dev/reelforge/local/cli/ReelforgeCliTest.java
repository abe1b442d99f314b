package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReelforgeCliTest {
    private static final String REQUESTS = "../../../events/requests/";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = ReelforgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void validate_goodRequest_exitsZeroAndSummarises() {
        assertThat(execute("validate", REQUESTS + "mug-drop.json")).isZero();
        assertThat(out.toString()).contains("valid: animatic/animatic-1, 3 beat(s), 3 audio cue(s)");
    }

    @Test
    void validate_invalidRequest_exitsTwoNamingTheField() {
        assertThat(execute("validate", REQUESTS + "invalid-duration.json")).isEqualTo(2);
        assertThat(err.toString()).contains("settings.durationSeconds").doesNotContain("Exception");
    }

    @Test
    void validate_missingFile_exitsTwoWithoutStackTrace() {
        assertThat(execute("validate", "no/such/file.json")).isEqualTo(2);
        assertThat(err.toString()).contains("no such request file").doesNotContain("\tat ");
    }

    @Test
    void run_jsonOutput_reportsTheContractFieldsAndRejectsInvalidWithExitTwo(@TempDir Path data) throws Exception {
        int exit = execute("run", "--json", "--data-dir", data.toString(), REQUESTS + "ball-bounce-16x9.json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(doc.path("cacheHit").asBoolean()).isFalse();
        assertThat(doc.path("providerSubmissions").asInt()).isEqualTo(1);
        assertThat(doc.path("submissions").toString()).isEqualTo("{\"new\":1,\"adopted\":0,\"resumed\":0}");
        assertThat(doc.path("possibleDuplicateCharges").isArray()).isTrue();
        assertThat(doc.path("possibleDuplicateCharges")).isEmpty();
        assertThat(doc.path("jobId").asText()).startsWith("ball-bounce-001-");
        assertThat(doc.path("outputs"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(Path.of(o.path("path").asText())).isRegularFile());
        assertThat(Path.of(doc.path("report").asText())).isRegularFile();

        out.getBuffer().setLength(0);
        assertThat(execute("run", "--json", "--data-dir", data.toString(), REQUESTS + "invalid-real-person.json"))
                .isEqualTo(2);
        JsonNode rejected = new ObjectMapper().readTree(out.toString());
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).contains("real person");
    }
}
