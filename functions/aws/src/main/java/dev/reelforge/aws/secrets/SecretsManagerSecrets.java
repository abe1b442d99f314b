package dev.reelforge.aws.secrets;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Provider API keys from AWS Secrets Manager: the secret's string value, read once per container and kept in
 * memory. The client is built on first use, so deployments without secrets never create one. Values are never
 * logged. Thread-safe.
 *
 * <pre>{@code
 * UnaryOperator<String> secrets = new SecretsManagerSecrets(SecretsManagerClient::create);
 * String key = secrets.apply("arn:aws:secretsmanager:…:secret:reelforge/openai");
 * }</pre>
 */
public final class SecretsManagerSecrets implements UnaryOperator<String> {
    private final Supplier<SecretsManagerClient> clients;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private SecretsManagerClient client;

    public SecretsManagerSecrets(Supplier<SecretsManagerClient> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public String apply(String secretId) {
        return values.computeIfAbsent(
                secretId, id -> client().getSecretValue(b -> b.secretId(id)).secretString());
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }
}
