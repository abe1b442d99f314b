package dev.reelforge.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.providers.bedrock.BedrockAsyncProvider;
import dev.reelforge.providers.fal.FalQueueProvider;
import dev.reelforge.providers.fal.FalQueueSettings;
import dev.reelforge.providers.luma.LumaProvider;
import dev.reelforge.providers.luma.LumaSettings;
import dev.reelforge.providers.openai.OpenAiVideosProvider;
import dev.reelforge.providers.openai.OpenAiVideosSettings;
import dev.reelforge.providers.replicate.ReplicateProvider;
import dev.reelforge.providers.replicate.ReplicateSettings;
import dev.reelforge.providers.vertex.ServiceAccountTokens;
import dev.reelforge.providers.vertex.VertexVeoProvider;
import dev.reelforge.providers.vertex.VertexVeoSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The paid provider adapters a {@link ProviderConfig} asks for, wired to the ledger and clip store the caller
 * passes (DynamoDB and S3 in AWS, the local stack in the CLI). {@code secrets} turns a secret ARN into its value.
 */
public final class ProviderAdapters {
    private ProviderAdapters() {}

    public static Map<String, VideoProvider> build(
            ProviderConfig config,
            ClipStore bucket,
            ProviderJobLedger ledger,
            UnaryOperator<String> secrets,
            ObjectMapper json,
            Clock clock) {
        Map<String, VideoProvider> adapters = new LinkedHashMap<>();
        if (config.openAiConfigured()) {
            String key =
                    config.openAiApiKey() != null ? config.openAiApiKey() : secrets.apply(config.openAiApiKeySecret());
            adapters.put(
                    OpenAiVideosProvider.NAME,
                    new OpenAiVideosProvider(
                            OpenAiVideosSettings.of(config.openAiBaseUrl(), key), json, ledger, clock));
        }
        if (config.falConfigured()) {
            String key = config.falApiKey() != null ? config.falApiKey() : secrets.apply(config.falApiKeySecret());
            adapters.put(FalQueueProvider.NAME, new FalQueueProvider(fal(config, key), json, ledger, clock));
        }
        if (config.lumaConfigured()) {
            String key = config.lumaApiKey() != null ? config.lumaApiKey() : secrets.apply(config.lumaApiKeySecret());
            adapters.put(LumaProvider.NAME, new LumaProvider(luma(config, key), json, ledger, clock));
        }
        if (config.replicateConfigured()) {
            String token = config.replicateApiToken() != null
                    ? config.replicateApiToken()
                    : secrets.apply(config.replicateApiTokenSecret());
            adapters.put(ReplicateProvider.NAME, new ReplicateProvider(replicate(config, token), json, ledger, clock));
        }
        if (config.vertexConfigured()) {
            String key = config.vertexKeyFile() != null
                    ? read(config.vertexKeyFile())
                    : secrets.apply(config.vertexKeySecret());
            adapters.put(
                    VertexVeoProvider.NAME,
                    new VertexVeoProvider(
                            vertex(config), new ServiceAccountTokens(key, json, clock), json, ledger, clock));
        }
        if (config.bedrockEnabled()) {
            adapters.put(
                    BedrockAsyncProvider.NAME,
                    new BedrockAsyncProvider(
                            BedrockAsyncProvider.defaultClient(config.bedrockRegion()),
                            config.bedrockOutputPrefix(),
                            bucket,
                            ledger,
                            clock));
        }
        return adapters;
    }

    static FalQueueSettings fal(ProviderConfig config, String key) {
        FalQueueSettings settings = FalQueueSettings.of(config.falBaseUrl(), key);
        return config.pollSeconds() == null ? settings : settings.withPollSeconds(config.pollSeconds());
    }

    static LumaSettings luma(ProviderConfig config, String key) {
        LumaSettings settings = LumaSettings.of(config.lumaBaseUrl(), key).withEditStrength(config.lumaEditStrength());
        return config.pollSeconds() == null ? settings : settings.withPollSeconds(config.pollSeconds());
    }

    static ReplicateSettings replicate(ProviderConfig config, String token) {
        ReplicateSettings settings = ReplicateSettings.of(config.replicateBaseUrl(), token);
        return config.pollSeconds() == null ? settings : settings.withPollSeconds(config.pollSeconds());
    }

    /** Google's endpoints, or a fake's where {@code config} names them. */
    static VertexVeoSettings vertex(ProviderConfig config) {
        VertexVeoSettings google =
                VertexVeoSettings.of(config.vertexProject(), config.vertexLocation(), config.vertexOutputUri());
        VertexVeoSettings settings = google.withEndpoints(
                config.vertexApiBaseUrl() == null ? google.apiBaseUrl() : config.vertexApiBaseUrl(),
                config.vertexStorageBaseUrl() == null ? google.storageBaseUrl() : config.vertexStorageBaseUrl());
        return config.pollSeconds() == null ? settings : settings.withPollSeconds(config.pollSeconds());
    }

    private static String read(String keyFile) {
        try {
            return Files.readString(Path.of(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("REELFORGE_VERTEX_KEY_FILE " + keyFile + " cannot be read", e);
        }
    }

    /**
     * The providers {@code config} enables, by name, without building their adapters: the paid ones it configures
     * and the animatic when it is enabled (whether or not this function's package carries it).
     */
    public static Set<String> offered(ProviderConfig config) {
        Set<String> names = new LinkedHashSet<>();
        if (config.animaticEnabled()) {
            names.add(ProviderConfig.ANIMATIC);
        }
        if (config.openAiConfigured()) {
            names.add(OpenAiVideosProvider.NAME);
        }
        if (config.falConfigured()) {
            names.add(FalQueueProvider.NAME);
        }
        if (config.lumaConfigured()) {
            names.add(LumaProvider.NAME);
        }
        if (config.replicateConfigured()) {
            names.add(ReplicateProvider.NAME);
        }
        if (config.vertexConfigured()) {
            names.add(VertexVeoProvider.NAME);
        }
        if (config.bedrockEnabled()) {
            names.add(BedrockAsyncProvider.NAME);
        }
        return names;
    }

    /**
     * The adapter named {@code name} from a {@link ProviderAdapterFactory} in this function's package, or empty
     * when the package carries none (the light package has no animatic).
     */
    public static Optional<VideoProvider> packaged(String name, HandlerConfig config, ClipStore clips) {
        for (ProviderAdapterFactory factory :
                ServiceLoader.load(ProviderAdapterFactory.class, ProviderAdapterFactory.class.getClassLoader())) {
            if (factory.name().equals(name)) {
                return Optional.of(factory.create(config, clips));
            }
        }
        return Optional.empty();
    }
}
