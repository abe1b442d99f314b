package dev.reelforge.providers.vertex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.ProviderFailedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JWT-bearer grant against a token endpoint fake on 127.0.0.1, with a key pair made for the test. */
class ServiceAccountTokensTest {
    private static KeyPair keys;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeAll
    static void makeKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private String keyJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return json.createObjectNode()
                .put("type", "service_account")
                .put("client_email", "veo@reelforge-test.iam.gserviceaccount.com")
                .put("private_key", pem)
                .put("token_uri", server.baseUrl() + "/token")
                .toString();
    }

    @Test
    void accessToken_signsAnRs256AssertionForCloudPlatformAndCachesTheToken() throws Exception {
        server.stubFor(
                post(urlEqualTo("/token"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\": \"ya29.fresh\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        ServiceAccountTokens tokens = new ServiceAccountTokens(keyJson(), json, clock);

        assertThat(tokens.accessToken()).isEqualTo("ya29.fresh");
        assertThat(tokens.accessToken()).isEqualTo("ya29.fresh");

        server.verify(
                1,
                postRequestedFor(urlEqualTo("/token"))
                        .withRequestBody(
                                containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        String body = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String[] jwt = URLDecoder.decode(body.replaceAll(".*assertion=", ""), StandardCharsets.UTF_8)
                .split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("veo@reelforge-test.iam.gserviceaccount.com");
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
        assertThat(claims.path("aud").asText()).isEqualTo(server.baseUrl() + "/token");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void accessToken_keyRefused_failsNamingTheKeyNotItsContents() {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));
        ServiceAccountTokens tokens = new ServiceAccountTokens(keyJson(), json, clock);

        assertThatThrownBy(tokens::accessToken)
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    @Test
    void constructor_notAKeyFile_refused() {
        assertThatThrownBy(() -> new ServiceAccountTokens("{\"client_email\": \"x\"}", json, clock))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("not a usable JSON key file");
    }
}
