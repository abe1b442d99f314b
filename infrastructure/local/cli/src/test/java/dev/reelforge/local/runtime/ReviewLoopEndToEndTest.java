package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.workflow.ReviewStep;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review loop on the real local stack with the animatic (which obeys targeted fixes, see DefectSet.forSpec):
 * one injected defect → the targeted fix (a regeneration carrying it, as the animatic cannot remix) → pass; two
 * defects → regenerate with a revised prompt → pass; defects that persist → give up at the attempt limit with
 * the best clip and warnings. The one-defect run's HTML report is opened in headless Chromium, in a test of its own, so
 * that a machine without Chromium still runs every loop assertion.
 */
class ReviewLoopEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "A heavy red rubber ball on a wooden table, locked-off camera.\n"
            + "00:00–00:02: the ball rests on the table.\n"
            + "00:02–00:05: the ball rolls off the edge and falls onto the tile floor.\n"
            + "Audio: quiet room tone; hard thud at 00:03.2";

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static LocalWorkflow workflow;
    private static ExecutionResult oneDefect;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
        workflow = new LocalWorkflow(
                stack,
                dataDir,
                EngineClock.system(),
                Map.of("animatic", new AnimaticProvider(dataDir.resolve("animatic"))));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static ExecutionResult run(String id, int maxAttempts, boolean persist, String... defects) {
        ObjectNode input = AnimaticRenderInput.of(id, PROMPT, maxAttempts);
        ObjectNode request = (ObjectNode) input.get("request");
        ArrayNode list = request.putArray("defects");
        for (String defect : defects) {
            list.add(defect);
        }
        request.put("defectsPersist", persist);
        return workflow.render(input, id, new ExecutionListener() {});
    }

    private static JsonNode attempts(String jobId) throws IOException {
        return JSON.valueToTree(stack.jobStore().find(jobId).orElseThrow().detail())
                .path("attempts");
    }

    private static Set<String> failedChecks(JsonNode attempt) {
        Set<String> failed = new HashSet<>();
        for (JsonNode clip : attempt.path("clips")) {
            clip.path("checks").forEach(c -> {
                if (!c.path("passed").asBoolean()) {
                    failed.add(c.path("name").asText());
                }
            });
        }
        return failed;
    }

    /** The one-defect render, made once for the loop test and the report test, whichever runs first. */
    private static synchronized ExecutionResult oneDefect() {
        if (oneDefect == null) {
            oneDefect = run("loop-one-defect", 3, false, "blur:0.8");
        }
        return oneDefect;
    }

    private static Path htmlReport(ExecutionResult result) {
        return Path.of(stack.clipStore()
                .locate(ReviewStep.htmlKey(result.output().path("report").asText())));
    }

    @Test
    void oneDefect_targetedFixThenPass() throws IOException {
        ExecutionResult result = oneDefect();

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode attempts = attempts("loop-one-defect");
        assertThat(attempts).hasSize(2);
        assertThat(failedChecks(attempts.get(0))).containsExactly("blur");
        assertThat(attempts.get(0).path("verdict").asText()).isEqualTo("regenerate");
        assertThat(attempts.get(0).path("reason").asText())
                .contains("one check failed (blur)")
                .contains("cannot remix");
        assertThat(attempts.get(1).path("instruction").asText()).startsWith("Sharp focus on");
        assertThat(attempts.get(1).path("verdict").asText()).isEqualTo("pass");
        assertThat(result.output().path("verdict").asText()).isEqualTo("pass");

        String reportKey = result.output().path("report").asText();
        JsonNode report =
                JSON.readTree(Files.readString(Path.of(stack.clipStore().locate(reportKey))));
        List<String> expected = new ArrayList<>(ClipChecks.NAMES);
        expected.add("reference-match");
        assertThat(report.path("clips").get(0).path("checks").findValuesAsText("name"))
                .as("the checklist, plus reference-match, which ReviewScore adds beside it")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(htmlReport(result)))
                .as("the HTML report is self-contained")
                .doesNotContain("http://", "https://", "<script", "<link");
    }

    /** Only this test needs Chromium: without it, it fails in CI and is skipped elsewhere; the loop tests still run. */
    @Test
    void oneDefect_htmlReport_rendersTimelinesAndContactSheetInHeadlessChromium() throws Exception {
        ExecutionResult result = oneDefect();
        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        Path html = htmlReport(result);

        HeadlessChromium chromium = HeadlessChromium.locateOrInstall();
        Path work = Files.createDirectories(dataDir.resolve("chromium"));
        String dom = chromium.dumpDom(html, work.resolve("profile"));
        assertThat(dom)
                .contains(
                        "id=\"timeline-luma\"",
                        "id=\"timeline-motion\"",
                        "id=\"timeline-audio\"",
                        "class=\"expected-cue\"",
                        "class=\"audio-onset\"",
                        "id=\"contact-sheet\"",
                        "<polyline");
        BufferedImage shot =
                ImageIO.read(chromium.screenshot(html, work.resolve("profile2")).toFile());
        assertThat(shot).isNotNull();
        assertThat(distinctColours(shot)).isGreaterThan(50);
    }

    @Test
    void twoDefects_regenerateWithRevisedPromptThenPass() throws IOException {
        ExecutionResult result = run("loop-two-defects", 3, false, "freeze:0.7", "audio-offset:400");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode attempts = attempts("loop-two-defects");
        assertThat(attempts).hasSize(2);
        assertThat(failedChecks(attempts.get(0))).contains("frozen", "audio-cues");
        assertThat(attempts.get(0).path("verdict").asText()).isEqualTo("regenerate");
        assertThat(attempts.get(0).path("reason").asText())
                .contains("checks failed")
                .contains("revised prompt");
        assertThat(attempts.get(1).path("mode").asText()).isEqualTo("regenerate");
        assertThat(attempts.get(1).path("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void persistentDefect_givesUpAtTheAttemptLimitWithBestClipAndWarnings() throws IOException {
        ExecutionResult result = run("loop-never-passes", 2, true, "blur:0.8");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode attempts = attempts("loop-never-passes");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).path("verdict").asText()).isEqualTo("give-up-accept");
        assertThat(attempts.get(1).path("reason").asText())
                .contains("no attempts left (2 of 2)")
                .contains("blur");
        assertThat(result.output().path("verdict").asText()).isEqualTo("give-up-accept");
        assertThat(result.output().path("outputs")).isNotEmpty();
        List<String> warnings = JSON.convertValue(
                result.output().path("warnings"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("accepted without passing every check"));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
