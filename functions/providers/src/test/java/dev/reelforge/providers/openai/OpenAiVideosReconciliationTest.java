package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.provider.CreateAttempt;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import dev.reelforge.providers.Specs;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A create whose reply is lost, reconciled through the documented list endpoint ({@code GET /videos}) on the retry. */
class OpenAiVideosReconciliationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_PAGE = "/v1/videos?limit=100&order=desc";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private OpenAiVideosProvider provider;
    private OpenAiVideosProvider impatient;
    private final GenerationSpec spec = Specs.landscape("sora-2", 8);

    @BeforeEach
    void setUp() {
        OpenAiVideosSettings settings =
                OpenAiVideosSettings.of(URI.create(server.baseUrl() + "/v1"), "sk-reconcile-test");
        InMemoryProviderJobLedger ledger = new InMemoryProviderJobLedger();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        provider = new OpenAiVideosProvider(settings.withRequestTimeout(Duration.ofSeconds(20)), JSON, ledger, clock);
        impatient = new OpenAiVideosProvider(settings.withRequestTimeout(Duration.ofMillis(1000)), JSON, ledger, clock);
    }

    private static ObjectNode video(String id, long createdAt, String size, String prompt) {
        ObjectNode video = JSON.createObjectNode()
                .put("id", id)
                .put("object", "video")
                .put("status", "queued")
                .put("model", "sora-2-2025-10-06")
                .put("progress", 0)
                .put("created_at", createdAt)
                .put("size", size)
                .put("seconds", "8")
                .put("prompt", prompt);
        video.putNull("remixed_from_video_id");
        return video;
    }

    private static String page(boolean hasMore, ObjectNode... videos) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (ObjectNode video : videos) {
            data.add(video);
        }
        list.put("first_id", videos[0].path("id").asText())
                .put("last_id", videos[videos.length - 1].path("id").asText())
                .put("has_more", hasMore);
        return list.toString();
    }

    private void loseTheFirstReply() {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .inScenario("lost")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>"))
                .willSetStateTo("created"));
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .inScenario("lost")
                .whenScenarioStateIs("created")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(video("video_second", NOW.getEpochSecond(), "1280x720", spec.prompt())
                                .toString())));
        assertThatThrownBy(() -> provider.submit(spec, "r-1/1/0"))
                .isExactlyInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("looked for before any new create");
    }

    @Test
    void submit_replyLostThenRetried_adoptsTheListedMatchAndCreatesNothingMore() {
        loseTheFirstReply();
        long t = NOW.getEpochSecond();
        server.stubFor(get(urlEqualTo(FIRST_PAGE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(
                                true,
                                video("video_other_prompt", t, "1280x720", "a different request"),
                                video("video_other_size", t, "720x1280", spec.prompt()),
                                video("video_ours", t, "1280x720", spec.prompt())))));
        server.stubFor(get(urlEqualTo(FIRST_PAGE + "&after=video_ours"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(false, video("video_yesterday", t - 86_400, "1280x720", spec.prompt())))));

        ProviderJob adopted = provider.submit(spec, "r-1/1/0");

        assertThat(adopted.providerJobId()).isEqualTo("video_ours");
        assertThat(adopted.createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.AMBIGUOUS, CreateAttempt.Outcome.ADOPTED);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
        server.verify(
                1, postRequestedFor(urlEqualTo("/v1/videos")).withHeader("Idempotency-Key", matching("[0-9a-f]{64}")));
        server.stubFor(get(urlEqualTo("/v1/videos/video_ours"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(video("video_ours", t, "1280x720", spec.prompt())
                                .put("status", "in_progress")
                                .toString())));
        ProviderJob resumed = provider.submit(spec, "r-1/1/0");
        assertThat(resumed.state()).isEqualTo(ProviderJob.State.IN_PROGRESS);
        assertThat(resumed.createAttempts())
                .extracting(CreateAttempt::outcome)
                .containsExactly(CreateAttempt.Outcome.RESUMED);
    }

    @Test
    void submit_replyLostAndNothingListedInTheWindow_createsAgainOnce() {
        loseTheFirstReply();
        server.stubFor(get(urlEqualTo(FIRST_PAGE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(
                                true,
                                video(
                                        "video_last_week",
                                        NOW.getEpochSecond() - 7 * 86_400,
                                        "1280x720",
                                        spec.prompt())))));

        ProviderJob created = provider.submit(spec, "r-1/1/0");

        assertThat(created.providerJobId()).isEqualTo("video_second");
        assertThat(created.possibleDuplicateCharges()).isEmpty();
        server.verify(2, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void submit_replyLostAndTheGatewayServesNoListing_createsAgainAndRecordsAPossibleDuplicate() {
        loseTheFirstReply();
        server.stubFor(get(urlEqualTo(FIRST_PAGE))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody("{\"error\": {\"message\": \"Unknown route\", \"code\": \"not_found\"}}")));

        ProviderJob created = provider.submit(spec, "r-1/1/0");

        assertThat(created.possibleDuplicateCharges())
                .singleElement()
                .satisfies(charge -> assertThat(charge.providerJobIds()).containsExactly("video_second"));
    }

    @Test
    void submit_createStalledPastTheTimeout_isReconciledLikeALostReply() {
        server.stubFor(post(urlEqualTo("/v1/videos"))
                .willReturn(aResponse()
                        .withFixedDelay(4000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(video("video_slow", NOW.getEpochSecond(), "1280x720", spec.prompt())
                                .toString())));
        assertThatThrownBy(() -> impatient.submit(spec, "r-2/1/0"))
                .isExactlyInstanceOf(ProviderThrottledException.class)
                .hasMessageContaining("did not answer create within 1000 ms");
        server.stubFor(get(urlEqualTo(FIRST_PAGE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(false, video("video_slow", NOW.getEpochSecond(), "1280x720", spec.prompt())))));

        assertThat(provider.submit(spec, "r-2/1/0").providerJobId()).isEqualTo("video_slow");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
    }
}
