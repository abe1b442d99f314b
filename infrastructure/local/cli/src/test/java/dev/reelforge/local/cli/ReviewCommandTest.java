package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReviewCommandTest {
    private static final String REQUEST = "{\"tenant\":\"demo\",\"clientRequestId\":\"review-cli\",\"prompt\":\"A red ball on a table.\\n"
            + "00:00–00:02: the ball rests on the table.\\n00:02–00:05: the ball rolls off and falls to the floor.\\n"
            + "Audio: thud at 00:03.2\",\"settings\":{\"aspectRatio\":\"9:16\",\"durationSeconds\":5,\"resolution\":\"360p\","
            + "\"fps\":24,\"variations\":1,\"style\":\"animatic\"}}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = ReelforgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path render(String name, String... defects) throws Exception {
        Path requestFile = dir.resolve("request.json");
        Files.writeString(requestFile, REQUEST);
        RenderRequest request = new RequestParser(new ObjectMapper()).parse(REQUEST);
        Path clip = dir.resolve(name + ".mp4");
        new AnimaticRenderer(Ffmpeg.bundled()).render(new GenerationSpec(request.prompt(), request.storyboard(),
                request.settings(), "animatic", 5, List.of(defects), "", ""), clip, p -> {});
        return clip;
    }

    @Test
    void review_cleanClipWithItsRequest_printsElevenPassingChecksAsJsonAndExitsZero() throws Exception {
        Path clip = render("clean");

        int exit = execute("review", clip.toString(), "--request", dir.resolve("request.json").toString(), "--json");

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(doc.path("passed").asBoolean()).isTrue();
        assertThat(doc.path("checks")).hasSize(ClipChecks.NAMES.size());
        assertThat(doc.path("checks").get(0).fieldNames()).toIterable()
                .containsExactly("name", "passed", "value", "threshold", "unit", "detail", "suggestedFix");
    }

    @Test
    void review_blurryClip_namesTheFailedCheckAndExitsThree() throws Exception {
        Path clip = render("blurry", "blur:0.8");

        int exit = execute("review", clip.toString(), "--request", dir.resolve("request.json").toString());

        assertThat(exit).as(out.toString()).isEqualTo(3);
        assertThat(out.toString()).containsPattern("FAIL +blur").contains("fix: sharp focus");
    }

    @Test
    void review_judgeAskedButNotConfigured_exitsTwoNamingWhatIsMissing() throws Exception {
        Path clip = Files.writeString(dir.resolve("any.mp4"), "decoded only after the judge is configured");

        assertThat(execute("review", clip.toString(), "--judge", "advisory")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot review: the visual judge is advisory but REELFORGE_JUDGE_BASE_URL is not set");
        assertThat(execute("review", clip.toString(), "--judge", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("off, advisory or binding");
    }

    @Test
    void review_missingOrUndecodableClip_exitsTwo() throws Exception {
        assertThat(execute("review", dir.resolve("missing.mp4").toString())).isEqualTo(2);
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        assertThat(execute("review", junk.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot review");
    }
}
