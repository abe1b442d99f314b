package dev.reelforge.providers.vertex;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Veo on Vertex AI runs for this deployment.
 *
 * @param apiBaseUrl the regional endpoint, {@code https://us-central1-aiplatform.googleapis.com} for {@code us-central1}
 * @param storageBaseUrl the Cloud Storage JSON API root, {@code https://storage.googleapis.com}, for outputs in GCS
 * @param outputUri a {@code gs://bucket/prefix} Veo writes to ({@code storageUri}), or empty for inline output
 */
public record VertexVeoSettings(
        URI apiBaseUrl,
        URI storageBaseUrl,
        String project,
        String location,
        String outputUri,
        Duration connectTimeout,
        Duration requestTimeout,
        int pollSeconds) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public VertexVeoSettings {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(storageBaseUrl, "storageBaseUrl");
        if (project == null
                || !NAME.matcher(project).matches()
                || location == null
                || !NAME.matcher(location).matches()) {
            throw new IllegalArgumentException(
                    "vertex-veo needs a Google Cloud project id and a location such as us-central1");
        }
        outputUri = outputUri == null ? "" : outputUri.strip();
        if (!outputUri.isEmpty() && !outputUri.startsWith("gs://")) {
            throw new IllegalArgumentException("vertex-veo output must be a gs:// URI, not '" + outputUri + "'");
        }
    }

    /** Google's own endpoints for {@code location}, with inline output unless {@code outputUri} is set. */
    public static VertexVeoSettings of(String project, String location, String outputUri) {
        return new VertexVeoSettings(
                URI.create("https://" + location + "-aiplatform.googleapis.com"),
                URI.create("https://storage.googleapis.com"),
                project,
                location,
                outputUri,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                10);
    }

    public VertexVeoSettings withEndpoints(URI api, URI storage) {
        return new VertexVeoSettings(
                api, storage, project, location, outputUri, connectTimeout, requestTimeout, pollSeconds);
    }

    /** The same settings polling the operation every {@code seconds} (for a local fake). */
    public VertexVeoSettings withPollSeconds(int seconds) {
        return new VertexVeoSettings(
                apiBaseUrl, storageBaseUrl, project, location, outputUri, connectTimeout, requestTimeout, seconds);
    }
}
