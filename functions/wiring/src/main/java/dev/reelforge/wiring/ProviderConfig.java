package dev.reelforge.wiring;

import dev.reelforge.providers.luma.LumaSettings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Which video providers this deployment drives and where they live. An adapter is offered only when it is
 * configured: {@code openai-videos} with a base URL and key, {@code fal-queue} and {@code luma} with a key,
 * {@code vertex-veo} with a project and a service-account key, {@code bedrock-async} when enabled, and the local {@code animatic} when enabled (the template enables it when Provider is animatic and
 * then builds Submit and Poll from the media package, the only one that carries it). Keys come from the environment
 * (locally) or a Secrets Manager secret (in AWS); neither is printed.
 *
 * <pre>
 * REELFORGE_OPENAI_BASE_URL=https://gateway.example/v1   REELFORGE_OPENAI_API_KEY=… (or …_API_KEY_SECRET=arn)
 * REELFORGE_FAL_BASE_URL=https://queue.fal.run           REELFORGE_FAL_API_KEY=…    (or …_API_KEY_SECRET=arn)
 * REELFORGE_LUMA_BASE_URL=https://agents.lumalabs.ai/v1  REELFORGE_LUMA_API_KEY=…   (or …_API_KEY_SECRET=arn)
 * REELFORGE_REPLICATE_BASE_URL=https://api.replicate.com  REELFORGE_REPLICATE_API_TOKEN=… (or …_API_TOKEN_SECRET=arn)
 * REELFORGE_LUMA_EDIT_STRENGTH=flex_1   (video_edit preset a remix uses: adhere_1..3, flex_1..3, reimagine_1..3)
 * REELFORGE_VERTEX_PROJECT=my-project  REELFORGE_VERTEX_LOCATION=us-central1  REELFORGE_VERTEX_OUTPUT_URI=gs://b/p (or inline)
 * REELFORGE_VERTEX_KEY_FILE=sa.json (or REELFORGE_VERTEX_KEY_SECRET=arn: the service account's JSON key)
 * REELFORGE_VERTEX_BASE_URL=http://127.0.0.1:8765  REELFORGE_VERTEX_STORAGE_URL=…  (a fake's; unset = Google's)
 * REELFORGE_PROVIDER_POLL_SECONDS=1   (every HTTP adapter polls this often; for local fakes; unset = each adapter's own)
 * REELFORGE_BEDROCK_ENABLED=true  REELFORGE_BEDROCK_OUTPUT_PREFIX=s3://bucket/provider-output/bedrock
 * REELFORGE_BEDROCK_REGION=us-west-2   (AWS_ENDPOINT_URL_BEDROCK_RUNTIME points the SDK at a fake)
 * REELFORGE_TENANT_DAILY_BUDGET_USD=200   (estimated spend per tenant per UTC day; unset = no daily cap)
 * REELFORGE_ANIMATIC_ENABLED=true        (offer the FFmpeg animatic; unset = not offered)
 * </pre>
 */
public record ProviderConfig(
        URI openAiBaseUrl,
        String openAiApiKey,
        String openAiApiKeySecret,
        URI falBaseUrl,
        String falApiKey,
        String falApiKeySecret,
        boolean bedrockEnabled,
        String bedrockRegion,
        URI bedrockOutputPrefix,
        Double tenantDailyBudgetUsd,
        boolean animaticEnabled,
        URI lumaBaseUrl,
        String lumaApiKey,
        String lumaApiKeySecret,
        String vertexProject,
        String vertexLocation,
        String vertexOutputUri,
        String vertexKeyFile,
        String vertexKeySecret,
        URI vertexApiBaseUrl,
        URI vertexStorageBaseUrl,
        String lumaEditStrength,
        URI replicateBaseUrl,
        String replicateApiToken,
        String replicateApiTokenSecret,
        Integer pollSeconds) {
    public static final URI FAL_QUEUE = URI.create("https://queue.fal.run");
    /** The animatic's provider name, as requests and {@code AnimaticProvider.NAME} spell it. */
    public static final String ANIMATIC = "animatic";

    public static final URI REPLICATE_API = URI.create("https://api.replicate.com");
    /** The longest poll interval {@code REELFORGE_PROVIDER_POLL_SECONDS} takes: ten minutes. */
    public static final int MAX_POLL_SECONDS = 600;

    static ProviderConfig from(Map<String, String> env, String region, String bucket) {
        String openAi = blankToNull(env.get("REELFORGE_OPENAI_BASE_URL"));
        String fal = blankToNull(env.get("REELFORGE_FAL_BASE_URL"));
        String prefix = blankToNull(env.get("REELFORGE_BEDROCK_OUTPUT_PREFIX"));
        String luma = blankToNull(env.get("REELFORGE_LUMA_BASE_URL"));
        return new ProviderConfig(
                openAi == null ? null : URI.create(openAi),
                blankToNull(env.get("REELFORGE_OPENAI_API_KEY")),
                blankToNull(env.get("REELFORGE_OPENAI_API_KEY_SECRET")),
                fal == null ? FAL_QUEUE : URI.create(fal),
                blankToNull(env.get("REELFORGE_FAL_API_KEY")),
                blankToNull(env.get("REELFORGE_FAL_API_KEY_SECRET")),
                Boolean.parseBoolean(env.getOrDefault("REELFORGE_BEDROCK_ENABLED", "false")),
                env.getOrDefault("REELFORGE_BEDROCK_REGION", region),
                URI.create(prefix == null ? "s3://" + bucket + "/provider-output/bedrock" : prefix),
                blankToNull(env.get("REELFORGE_TENANT_DAILY_BUDGET_USD")) == null
                        ? null
                        : Double.valueOf(
                                env.get("REELFORGE_TENANT_DAILY_BUDGET_USD").strip()),
                Boolean.parseBoolean(env.getOrDefault("REELFORGE_ANIMATIC_ENABLED", "false")),
                luma == null ? LumaSettings.LUMA_API : URI.create(luma),
                blankToNull(env.get("REELFORGE_LUMA_API_KEY")),
                blankToNull(env.get("REELFORGE_LUMA_API_KEY_SECRET")),
                blankToNull(env.get("REELFORGE_VERTEX_PROJECT")),
                env.getOrDefault("REELFORGE_VERTEX_LOCATION", "us-central1").strip(),
                env.getOrDefault("REELFORGE_VERTEX_OUTPUT_URI", "").strip(),
                blankToNull(env.get("REELFORGE_VERTEX_KEY_FILE")),
                blankToNull(env.get("REELFORGE_VERTEX_KEY_SECRET")),
                uriOrNull(env.get("REELFORGE_VERTEX_BASE_URL")),
                uriOrNull(env.get("REELFORGE_VERTEX_STORAGE_URL")),
                blankToNull(env.get("REELFORGE_LUMA_EDIT_STRENGTH")),
                Objects.requireNonNullElse(uriOrNull(env.get("REELFORGE_REPLICATE_BASE_URL")), REPLICATE_API),
                blankToNull(env.get("REELFORGE_REPLICATE_API_TOKEN")),
                blankToNull(env.get("REELFORGE_REPLICATE_API_TOKEN_SECRET")),
                pollSeconds(env.get("REELFORGE_PROVIDER_POLL_SECONDS")));
    }

    /**
     * How often every HTTP adapter (fal, Luma, Replicate, Vertex) polls, instead of its own intervals, which suit the
     * real services (Luma, fal and Replicate 10 s queued and 5 s running, Veo 10 s): a local fake finishes in a few
     * polls, so tests set 1. {@code null} (unset) keeps each adapter's own.
     */
    private static Integer pollSeconds(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= MAX_POLL_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the setting
        }
        throw new IllegalArgumentException(
                "REELFORGE_PROVIDER_POLL_SECONDS must be a whole number of seconds from 1 to " + MAX_POLL_SECONDS
                        + ", not '" + text + "'");
    }

    public boolean openAiConfigured() {
        return openAiBaseUrl != null && (openAiApiKey != null || openAiApiKeySecret != null);
    }

    public boolean falConfigured() {
        return falApiKey != null || falApiKeySecret != null;
    }

    public boolean lumaConfigured() {
        return lumaApiKey != null || lumaApiKeySecret != null;
    }

    public boolean replicateConfigured() {
        return replicateApiToken != null || replicateApiTokenSecret != null;
    }

    public boolean vertexConfigured() {
        return vertexProject != null && (vertexKeyFile != null || vertexKeySecret != null);
    }

    private static URI uriOrNull(String value) {
        String text = blankToNull(value);
        return text == null ? null : URI.create(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ProviderConfig[openAiBaseUrl=" + openAiBaseUrl + ", falBaseUrl=" + falBaseUrl + ", bedrockEnabled="
                + bedrockEnabled + ", bedrockRegion=" + bedrockRegion + ", bedrockOutputPrefix=" + bedrockOutputPrefix
                + ", lumaBaseUrl=" + lumaBaseUrl + ", replicateBaseUrl=" + replicateBaseUrl + ", vertexProject="
                + vertexProject + ", vertexLocation="
                + vertexLocation
                + ", pollSeconds=" + pollSeconds + ", tenantDailyBudgetUsd=" + tenantDailyBudgetUsd
                + ", animaticEnabled="
                + animaticEnabled + ", keys=***]";
    }
}
