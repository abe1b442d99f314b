package dev.reelforge.local.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.review.judge.JudgeMode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegFrameSampler;
import dev.reelforge.providers.animatic.AnimaticProvider;
import dev.reelforge.providers.judge.ChatJudgeSettings;
import dev.reelforge.providers.judge.OpenAiChatJudge;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visual judge in the real render state machine on the local stack, with the animatic and a local server
 * speaking OpenAI chat completions: binding answers drive the loop like measured checks, advisory ones are kept
 * beside them, and an advisory judge that fails leaves a warning instead of failing the render.
 */
class VisualJudgeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    /** The colour differs per test: identical requests would be cache hits, which nobody reviews again. */
    private static final String PROMPT = "A heavy %s rubber ball on a wooden table, locked-off camera.\n"
            + "00:00–00:02: the ball rests on the table.\n"
            + "00:02–00:05: the ball rolls off the edge and falls onto the tile floor.\n"
            + "Audio: quiet room tone; hard thud at 00:03.2";

    @RegisterExtension
    static WireMockExtension judge = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @BeforeEach
    void resetJudge() {
        judge.resetAll();
    }

    private static LocalWorkflow workflow(JudgeMode mode, String name) {
        OpenAiChatJudge chat = new OpenAiChatJudge(
                ChatJudgeSettings.of(URI.create(judge.baseUrl() + "/v1"), "sk-judge-e2e", "vision-1"),
                JSON,
                Clock.systemUTC());
        return new LocalWorkflow(
                stack,
                dataDir,
                EngineClock.system(),
                Map.of("animatic", new AnimaticProvider(dataDir.resolve("animatic-" + name))),
                ClipJudging.of(mode, new FfmpegFrameSampler(Ffmpeg.bundled()), chat, 4));
    }

    private static ExecutionResult run(LocalWorkflow workflow, String id, String colour) {
        ObjectNode input = AnimaticRenderInput.of(id, String.format(PROMPT, colour), 3);
        return workflow.render(input, id, new ExecutionListener() {});
    }

    private static String completion(boolean physicsPassed) throws IOException {
        ObjectNode answers = JSON.createObjectNode();
        var list = answers.putArray("answers");
        for (String item : List.of("physics", "continuity", "artifacts", "prompt-adherence")) {
            boolean passed = !item.equals("physics") || physicsPassed;
            list.addObject()
                    .put("item", item)
                    .put("passed", passed)
                    .put("confidence", 0.9)
                    .put(
                            "reason",
                            passed
                                    ? "looks right in every still"
                                    : "still 3: the ball hangs in the air above the floor");
        }
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-e2e").put("object", "chat.completion");
        body.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message")
                .put("role", "assistant")
                .put("content", JSON.writeValueAsString(answers))
                .putNull("refusal");
        return JSON.writeValueAsString(body);
    }

    private static JsonNode detail(String jobId) throws IOException {
        return JSON.valueToTree(stack.jobStore().find(jobId).orElseThrow().detail());
    }

    private static List<String> failed(JsonNode checks) {
        List<String> names = new ArrayList<>();
        checks.forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                names.add(c.path("name").asText());
            }
        });
        return names;
    }

    @Test
    void binding_judgeFailsPhysicsOnce_targetedFixThenPass() throws Exception {
        judge.stubFor(post(urlEqualTo(PATH))
                .inScenario("judge")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(false)))
                .willSetStateTo("judged"));
        judge.stubFor(post(urlEqualTo(PATH))
                .inScenario("judge")
                .whenScenarioStateIs("judged")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(true))));

        ExecutionResult result = run(workflow(JudgeMode.BINDING, "binding"), "judge-binding", "red");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode attempts = detail("judge-binding").path("attempts");
        assertThat(attempts).hasSize(2);
        JsonNode first = attempts.get(0).path("clips").get(0);
        assertThat(failed(first.path("checks"))).containsExactly("judge-physics");
        assertThat(attempts.get(0).path("reason").asText()).contains("one check failed (judge-physics)");
        assertThat(attempts.get(1).path("instruction").asText()).startsWith("Make the motion physically plausible");
        assertThat(attempts.get(1).path("verdict").asText()).isEqualTo("pass");
        List<LoggedRequest> calls = judge.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(calls).hasSize(2);
        JsonNode sent = JSON.readTree(calls.get(0).getBodyAsString());
        long stills = 0;
        for (JsonNode part : sent.path("messages").get(1).path("content")) {
            stills += part.path("type").asText().equals("image_url") ? 1 : 0;
        }
        assertThat(stills).isEqualTo(4);
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer sk-judge-e2e");
    }

    @Test
    void advisory_judgeFailsPhysics_reportedBesideTheChecksAndTheVerdictStillPasses() throws Exception {
        judge.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(false))));

        ExecutionResult result = run(workflow(JudgeMode.ADVISORY, "advisory"), "judge-advisory", "green");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode attempts = detail("judge-advisory").path("attempts");
        assertThat(attempts).hasSize(1);
        JsonNode clip = attempts.get(0).path("clips").get(0);
        assertThat(failed(clip.path("checks"))).isEmpty();
        assertThat(failed(clip.path("advisory"))).containsExactly("judge-physics");
        String reportKey = result.output().path("report").asText();
        String page = Files.readString(Path.of(stack.clipStore().locate(reportKey.replaceAll("\\.json$", ".html"))));
        assertThat(page).contains("Visual judge (advisory").contains("still 3: the ball hangs in the air");
    }

    @Test
    void advisory_judgeUnavailable_leavesAWarningAndTheRenderPasses() throws Exception {
        judge.stubFor(
                post(urlEqualTo(PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}")));

        ExecutionResult result = run(workflow(JudgeMode.ADVISORY, "down"), "judge-down", "blue");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode detail = detail("judge-down");
        assertThat(detail.path("attempts").get(0).path("clips").get(0).path("advisory"))
                .isEmpty();
        assertThat(detail.path("warnings").toString())
                .contains("visual judge gave no answer")
                .contains("HTTP 401")
                .doesNotContain("sk-judge-e2e");
    }
}
