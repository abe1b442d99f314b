package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.testing.InMemoryProviderJobLedger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderAdaptersTest {
    private static Map<String, dev.reelforge.core.port.VideoProvider> build(Map<String, String> env) {
        return ProviderAdapters.build(
                ProviderConfig.from(env, "us-east-1", "reelforge-clips"),
                null,
                new InMemoryProviderJobLedger(),
                secret -> "key-from-" + secret,
                new ObjectMapper(),
                Clock.systemUTC());
    }

    @Test
    void build_nothingConfigured_offersNoPaidAdapter() {
        assertThat(build(Map.of())).isEmpty();
    }

    @Test
    void build_openAiAndFalConfigured_offersBothByName() {
        var adapters = build(Map.of(
                "REELFORGE_OPENAI_BASE_URL",
                "http://127.0.0.1:9/v1",
                "REELFORGE_OPENAI_API_KEY",
                "sk-1",
                "REELFORGE_FAL_API_KEY_SECRET",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:fal"));

        assertThat(adapters).containsOnlyKeys("openai-videos", "fal-queue");
    }

    @Test
    void build_lumaKeyFromSecret_offersLumaOnItsOwnApi() {
        var adapters = build(
                Map.of("REELFORGE_LUMA_API_KEY_SECRET", "arn:aws:secretsmanager:us-east-1:123456789012:secret:luma"));

        assertThat(adapters).containsOnlyKeys("luma");
        assertThat(ProviderConfig.from(Map.of(), "us-east-1", "b").lumaBaseUrl())
                .isEqualTo(URI.create("https://agents.lumalabs.ai/v1"));
    }

    @Test
    void build_replicateTokenFromSecret_offersReplicateOnItsApi() {
        var adapters = build(Map.of(
                "REELFORGE_REPLICATE_API_TOKEN_SECRET", "arn:aws:secretsmanager:us-east-1:123456789012:secret:r8"));

        assertThat(adapters).containsOnlyKeys("replicate");
        assertThat(ProviderConfig.from(Map.of(), "us-east-1", "b").replicateBaseUrl())
                .isEqualTo(URI.create("https://api.replicate.com"));
    }

    @Test
    void offered_everyConfiguredPaidAdapter_isOfferedToValidateWithoutBuildingIt() {
        ProviderConfig config = ProviderConfig.from(
                Map.of(
                        "REELFORGE_LUMA_API_KEY", "luma-1",
                        "REELFORGE_REPLICATE_API_TOKEN", "r8_1",
                        "REELFORGE_VERTEX_PROJECT", "p",
                        "REELFORGE_VERTEX_KEY_SECRET", "arn:aws:secretsmanager:us-east-1:123456789012:secret:sa"),
                "us-east-1",
                "b");

        assertThat(ProviderAdapters.offered(config)).containsExactlyInAnyOrder("luma", "replicate", "vertex-veo");
    }

    @Test
    void build_vertexProjectAndKeyFile_offersVertexVeo(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path key = Files.writeString(
                dir.resolve("sa.json"),
                new ObjectMapper()
                        .createObjectNode()
                        .put("client_email", "veo@p.iam.gserviceaccount.com")
                        .put("private_key", pem)
                        .toString());

        var adapters = build(
                Map.of("REELFORGE_VERTEX_PROJECT", "reelforge-test", "REELFORGE_VERTEX_KEY_FILE", key.toString()));

        assertThat(adapters).containsOnlyKeys("vertex-veo");
        assertThat(build(Map.of("REELFORGE_VERTEX_KEY_FILE", key.toString()))).isEmpty();
    }

    @Test
    void from_defaults_falQueueAndBedrockPrefixInOurBucketAndNoDailyCap() {
        ProviderConfig config =
                ProviderConfig.from(Map.of("REELFORGE_OPENAI_API_KEY", "sk-secret-value"), "eu-west-1", "clips");

        assertThat(config.falBaseUrl()).isEqualTo(URI.create("https://queue.fal.run"));
        assertThat(config.bedrockOutputPrefix()).isEqualTo(URI.create("s3://clips/provider-output/bedrock"));
        assertThat(config.bedrockRegion()).isEqualTo("eu-west-1");
        assertThat(config.tenantDailyBudgetUsd()).isNull();
        assertThat(config.toString()).doesNotContain("sk-secret-value");
    }

    @Test
    void from_dailyBudget_parsed() {
        assertThat(ProviderConfig.from(Map.of("REELFORGE_TENANT_DAILY_BUDGET_USD", "200"), "us-east-1", "b")
                        .tenantDailyBudgetUsd())
                .isEqualTo(200.0);
    }

    private static ProviderConfig polling(Map<String, String> env) {
        return ProviderConfig.from(env, "us-east-1", "b");
    }

    @Test
    void pollSeconds_unset_eachAdapterKeepsItsOwnIntervalsForTheRealServices() {
        ProviderConfig config = polling(Map.of("REELFORGE_VERTEX_PROJECT", "reelforge-test"));

        assertThat(config.pollSeconds()).isNull();
        assertThat(ProviderAdapters.luma(config, "k"))
                .extracting(s -> s.queuedPollSeconds(), s -> s.runningPollSeconds())
                .containsExactly(10, 5);
        assertThat(ProviderAdapters.replicate(config, "r8_k"))
                .extracting(s -> s.startingPollSeconds(), s -> s.processingPollSeconds())
                .containsExactly(10, 5);
        assertThat(ProviderAdapters.fal(config, "k"))
                .extracting(s -> s.queuedPollSeconds(), s -> s.runningPollSeconds())
                .containsExactly(10, 5);
        assertThat(ProviderAdapters.vertex(config).pollSeconds()).isEqualTo(10);
    }

    @Test
    void pollSeconds_set_everyHttpAdapterPollsThatOften_keepingItsOtherSettings() {
        ProviderConfig config = polling(Map.of(
                "REELFORGE_PROVIDER_POLL_SECONDS", " 2 ",
                "REELFORGE_LUMA_EDIT_STRENGTH", "adhere_2",
                "REELFORGE_VERTEX_PROJECT", "reelforge-test",
                "REELFORGE_VERTEX_BASE_URL", "http://127.0.0.1:9"));

        assertThat(config.pollSeconds()).isEqualTo(2);
        var luma = ProviderAdapters.luma(config, "k");
        assertThat(luma)
                .extracting(s -> s.queuedPollSeconds(), s -> s.runningPollSeconds(), s -> s.editStrength())
                .containsExactly(2, 2, "adhere_2");
        assertThat(ProviderAdapters.replicate(config, "r8_k"))
                .extracting(s -> s.startingPollSeconds(), s -> s.processingPollSeconds())
                .containsExactly(2, 2);
        assertThat(ProviderAdapters.fal(config, "k"))
                .extracting(s -> s.queuedPollSeconds(), s -> s.runningPollSeconds())
                .containsExactly(2, 2);
        var vertex = ProviderAdapters.vertex(config);
        assertThat(vertex.pollSeconds()).isEqualTo(2);
        assertThat(vertex.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
    }

    @Test
    void pollSeconds_notAWholeNumberFrom1To600_isRefusedNamingTheSetting() {
        for (String bad : new String[] {"0", "-1", "601", "1.5", "soon"}) {
            assertThatThrownBy(() -> polling(Map.of("REELFORGE_PROVIDER_POLL_SECONDS", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("REELFORGE_PROVIDER_POLL_SECONDS must be a whole number of seconds from 1 to 600, not '"
                            + bad + "'");
        }
        assertThat(polling(Map.of("REELFORGE_PROVIDER_POLL_SECONDS", "600")).pollSeconds())
                .isEqualTo(600);
    }
}
