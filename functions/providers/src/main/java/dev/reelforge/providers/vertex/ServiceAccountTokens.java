package dev.reelforge.providers.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Access tokens for a Google service account from its JSON key, by the JWT-bearer grant Google documents for
 * server-to-server use ("Using OAuth 2.0 for Server to Server Applications"): an RS256-signed assertion for the
 * {@code cloud-platform} scope is exchanged at the key's {@code token_uri}. In AWS the key JSON is a Secrets Manager
 * secret. Tokens are cached until a minute before they expire. Thread-safe.
 */
public final class ServiceAccountTokens implements AccessTokenSource {
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final String clientEmail;
    private final PrivateKey key;
    private final URI tokenUri;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    public ServiceAccountTokens(String keyJson, ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        try {
            JsonNode sa = json.readTree(keyJson);
            this.clientEmail = sa.path("client_email").asText("");
            this.tokenUri = URI.create(sa.path("token_uri").asText("https://oauth2.googleapis.com/token"));
            this.key = privateKey(sa.path("private_key").asText(""));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ProviderFailedException(
                    "the Vertex AI service-account key is not a usable JSON key file"
                            + " (client_email, private_key, token_uri); create a key for the service account and store it whole");
        }
        this.http = new ProviderHttp(
                "vertex-veo", ProviderHttp.defaultClient(Duration.ofSeconds(5)), json, Duration.ofSeconds(20));
    }

    @Override
    public synchronized String accessToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expires.minus(MARGIN))) {
            String form = "grant_type="
                    + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&assertion=" + assertion(now);
            ProviderHttp.Answer answer = http.send(
                    http.request(tokenUri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    "token exchange");
            if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
                throw new ProviderFailedException(
                        "Google refused the Vertex AI service-account key (HTTP " + answer.status()
                                + ", "
                                + ProviderErrors.clean(
                                        answer.jsonOrEmpty().path("error").asText("no error code"))
                                + "); check that the key is current and its account may call Vertex AI");
            }
            if (!answer.ok()) {
                throw ProviderErrors.forStatus(
                        "vertex-veo", "token exchange", answer.status(), answer.headers(), "", clock);
            }
            JsonNode body = answer.jsonBody();
            token = body.path("access_token").asText("");
            expires = now.plusSeconds(body.path("expires_in").asLong(3600));
        }
        return token;
    }

    private String assertion(Instant now) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode(json.createObjectNode()
                .put("iss", clientEmail)
                .put("scope", SCOPE)
                .put("aud", tokenUri.toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + 3600)
                .toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every Java runtime", e);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
