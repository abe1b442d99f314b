package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.stack.LocalAwsStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page in headless Chromium (DevTools protocol) against {@code reelforge serve}: it lists a job that waits
 * for approval, plays its rendition, shows a prompt with {@code <script>} as text (the script never runs), and its
 * Approve button takes the job to SUCCEEDED; then its Remix and Re-cut actions start new versions of it, which
 * finish and are listed on the original.
 */
class ReviewPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../../events");
    private static final Duration RENDER = Duration.ofMinutes(5);
    private static final String JOB = "page-1";

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static LocalServe serve;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start(dataDir);
        serve = LocalServe.start(stack, dataDir, 0, EngineClock.system());
    }

    @AfterAll
    static void stop() {
        serve.close();
        stack.close();
    }

    /** Types the edit into the finished job's form, clicks its button, and returns the new version's job id. */
    private static String startVersion(DevToolsPage page, String field, String text, String button) throws Exception {
        page.await("!document.getElementById('edits').hidden", JsonNode::asBoolean, Duration.ofSeconds(20));
        page.evaluate("document.getElementById('edit-result').textContent = ''");
        page.evaluate("document.getElementById('" + field + "').value = " + JSON.writeValueAsString(text));
        page.evaluate("document.getElementById('" + button + "').click()");
        String result = page.await(
                        "document.getElementById('edit-result').textContent",
                        v -> !v.asText().isEmpty(),
                        Duration.ofSeconds(20))
                .asText();
        assertThat(result).startsWith("started version " + JOB + "-" + button + "-");
        return result.substring("started version ".length());
    }

    @Test
    void page_playsTheRendition_escapesThePrompt_approves_andStartsARemixAndAReCut() throws Exception {
        ObjectNode request = (ObjectNode)
                JSON.readTree(EVENTS.resolve("requests/ball-bounce-16x9.json").toFile());
        ((ObjectNode) request.path("settings")).put("resolution", "360p");
        request.put("approval", "required");
        request.put("clientRequestId", JOB);
        request.put("prompt", request.path("prompt").asText() + "\nNote <script>window.pwned=1</script> for the page.");
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        serve.executions().start(LocalServe.RENDER_ARN, JOB, JSON.writeValueAsString(input));

        try (DevToolsPage page = DevToolsPage.open(
                serve.endpoint().resolve("/"), Files.createDirectories(dataDir.resolve("chromium")))) {
            page.await(
                    "(() => { const r = document.querySelector('tr[data-job-id=\"" + JOB + "\"]');"
                            + " return r ? r.children[1].textContent : ''; })()",
                    v -> v.asText().equals("AWAITING_APPROVAL"),
                    RENDER);
            page.evaluate("document.querySelector('tr[data-job-id=\"" + JOB + "\"]').click()");
            page.await("!document.getElementById('actions').hidden", JsonNode::asBoolean, Duration.ofSeconds(20));

            JsonNode played = page.await(
                    "(async () => { const v = document.querySelector('video'); if (!v) return -1;"
                            + " await v.play(); await new Promise(r => setTimeout(r, 700)); return v.currentTime; })()",
                    v -> v.asDouble() > 0,
                    Duration.ofSeconds(30));
            assertThat(played.asDouble()).as("seconds played").isPositive();

            assertThat(page.evaluate("document.getElementById('prompt').textContent")
                            .asText())
                    .contains("<script>window.pwned=1</script>");
            assertThat(page.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
            assertThat(page.evaluate("document.querySelectorAll('#detail script').length")
                            .asInt())
                    .isZero();

            page.evaluate("document.getElementById('approve').click()");
            page.await(
                    "document.getElementById('detail-status').textContent",
                    v -> v.asText().equals("SUCCEEDED"),
                    RENDER);

            String remix = startVersion(page, "remix-text", "Make the ball red.", "remix");
            String recut = startVersion(page, "recut-text", "retime 00:01-00:02=2; trim 00:00-00:04", "recut");
            for (String version : new String[] {remix, recut}) {
                page.await(
                        "(() => { const r = document.querySelector('tr[data-job-id=\"" + version + "\"]');"
                                + " return r ? r.children[1].textContent : ''; })()",
                        v -> v.asText().equals("SUCCEEDED"),
                        RENDER);
                assertThat(stack.jobStore()
                                .find(version)
                                .orElseThrow()
                                .detail()
                                .version()
                                .versionOf())
                        .isEqualTo(JOB);
            }
            assertThat(stack.jobStore()
                            .find(recut)
                            .orElseThrow()
                            .detail()
                            .request()
                            .settings()
                            .durationSeconds())
                    .isEqualTo(5.0);
            page.evaluate("document.querySelector('tr[data-job-id=\"" + JOB + "\"]').click()");
            page.await(
                    "document.getElementById('versions').textContent",
                    v -> v.asText().equals("later versions: " + remix + ", " + recut),
                    Duration.ofSeconds(20));
        }
        assertThat(serve.executions()
                        .execution(LocalExecutions.executionArn(LocalServe.RENDER_ARN, JOB))
                        .status()
                        .name())
                .isEqualTo("SUCCEEDED");
    }
}
