package dev.reelforge.providers.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.judge.JudgeAnswer;
import dev.reelforge.core.review.judge.JudgeItem;
import dev.reelforge.core.review.judge.JudgeRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The visual judge against WireMock speaking chat completions, with request and answer shapes from the API reference. */
class OpenAiChatJudgeTest {
    private static final String KEY = "sk-judge-test-never-logged";
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final JudgeRequest request = new JudgeRequest(
            "A heavy ceramic mug falls off a table",
            new Storyboard(
                    "A heavy ceramic mug falls off a table",
                    List.of(
                            new Beat(0, 2, "The mug rests"),
                            new Beat(2, 5, "The mug tips and falls, hitting the floor")),
                    List.of()),
            List.of(
                    new SampledFrame(0.25, new byte[] {(byte) 0xFF, (byte) 0xD8, 1}),
                    new SampledFrame(2.75, new byte[] {(byte) 0xFF, (byte) 0xD8, 2})),
            Arrays.asList(JudgeItem.values()));
    private OpenAiChatJudge judge;

    @BeforeEach
    void setUp() {
        judge = new OpenAiChatJudge(
                ChatJudgeSettings.of(URI.create(server.baseUrl() + "/v1"), KEY, "vision-model-1")
                        .withRequestTimeout(Duration.ofMillis(800)),
                json,
                clock);
    }

    private String completion(String content, String finishReason) throws Exception {
        ObjectNode body = json.createObjectNode()
                .put("id", "chatcmpl-123")
                .put("object", "chat.completion")
                .put("model", "vision-model-1");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", content)
                .putNull("refusal");
        body.putObject("usage").put("prompt_tokens", 600).put("completion_tokens", 120);
        return json.writeValueAsString(body);
    }

    private String answersJson(String physicsItem) {
        return "{\"answers\":[{\"item\":\"" + physicsItem
                + "\",\"passed\":false,\"confidence\":0.8,\"reason\":\"still 2: the mug floats above the floor\"},"
                + "{\"item\":\"continuity\",\"passed\":true,\"confidence\":0.9,\"reason\":\"same mug and light in both stills\"},"
                + "{\"item\":\"artifacts\",\"passed\":true,\"confidence\":0.7,\"reason\":\"clean shapes\"},"
                + "{\"item\":\"prompt-adherence\",\"passed\":true,\"confidence\":0.95,\"reason\":\"a mug on a table, then falling\"}]}";
    }

    private void answer(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void judge_answersEveryItem_sendsStillsAndAStrictSchemaAndReadsTheAnswers() throws Exception {
        answer(200, completion(answersJson("physics"), "stop"));

        List<JudgeAnswer> answers = judge.judge(request);

        assertThat(answers).hasSize(4);
        assertThat(answers.get(0))
                .isEqualTo(new JudgeAnswer(JudgeItem.PHYSICS, false, 0.8, "still 2: the mug floats above the floor"));
        assertThat(answers.get(3).item()).isEqualTo(JudgeItem.PROMPT_ADHERENCE);
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("vision-model-1")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("text")))
                .withRequestBody(matchingJsonPath(
                        "$.messages[1].content[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("2.0–5.0 s: The mug tips")))
                .withRequestBody(matchingJsonPath(
                        "$.messages[1].content[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("2 at 2.75 s")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[2].type", equalTo("image_url")))
                .withRequestBody(matchingJsonPath(
                        "$.messages[1].content[2].image_url.url", equalTo("data:image/jpeg;base64,/9gC")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[2].image_url.detail", equalTo("low")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath(
                        "$.response_format.json_schema.schema.properties.answers.items.properties.item.enum[3]",
                        equalTo("prompt-adherence"))));
    }

    @Test
    void judge_rateLimitedWithRetryAfter_isThrottledWithThatDelay() {
        server.stubFor(
                post(urlEqualTo(PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "7")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("7 s");
    }

    @Test
    void judge_serverError_isThrottled() {
        answer(503, "{\"error\":{\"message\":\"overloaded\"}}");

        assertThatThrownBy(() -> judge.judge(request)).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void judge_badCredentials_failsNamingTheModelNotTheKey() {
        answer(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-judge-test-never-logged\",\"code\":\"invalid_api_key\"}}");

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("vision-model-1")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void judge_errorTextQuotingAKeyOfAnyShape_neverRepeatsTheKey() {
        String gatewayKey = "gw_judge_Canary_7fQ2xZ9p";
        OpenAiChatJudge gateway = new OpenAiChatJudge(
                ChatJudgeSettings.of(URI.create(server.baseUrl() + "/v1"), gatewayKey + "\n", "vision-model-1"),
                json,
                clock);
        answer(
                400,
                "{\"error\":{\"message\":\"Invalid header Authorization: Bearer " + gatewayKey
                        + "\",\"code\":\"invalid_request\"}}");

        assertThatThrownBy(() -> gateway.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("Bearer [our key]")
                .hasMessageNotContaining(gatewayKey);
        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + gatewayKey)));
    }

    @Test
    void judge_modelRefuses_failsWithTheRefusal() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(completion("", "stop"));
        ((ObjectNode) body.path("choices").path(0).path("message"))
                .putNull("content")
                .put("refusal", "I can't help with that.");
        answer(200, json.writeValueAsString(body));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("declined")
                .hasMessageContaining("can't help");
    }

    @Test
    void judge_answerNotJson_fails() throws Exception {
        answer(200, completion("The clip looks fine to me.", "stop"));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void judge_answerCutShort_fails() throws Exception {
        answer(200, completion("{\"answers\":[{\"item\":\"phys", "length"));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("ran out of tokens");
    }

    @Test
    void judge_answerForAnItemNotAsked_fails() throws Exception {
        answer(200, completion(answersJson("audio"), "stop"));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("not asked: 'audio'");
    }

    @Test
    void judge_confidenceOutsideTheUnitRange_fails() throws Exception {
        answer(200, completion(answersJson("physics").replace("0.95", "95"), "stop"));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("outside 0–1");
    }

    @Test
    void judge_proxyErrorPage_isThrottled() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>502 Bad Gateway</body></html>")));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void judge_noAnswerWithinTheTimeout_isThrottled() throws Exception {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(2_000)
                        .withBody(completion(answersJson("physics"), "stop"))));

        assertThatThrownBy(() -> judge.judge(request))
                .isInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("within 800 ms");
    }

    @Test
    void settings_toString_masksTheKey() {
        assertThat(ChatJudgeSettings.of(URI.create("https://gateway.example/v1"), KEY, "m")
                        .toString())
                .doesNotContain(KEY);
    }
}
