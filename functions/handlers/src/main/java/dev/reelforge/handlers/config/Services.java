package dev.reelforge.handlers.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.dynamodb.DynamoDbJobStore;
import dev.reelforge.aws.dynamodb.DynamoDbPromptCache;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ClipProbe;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The collaborators of every handler, wired once per Lambda container (or once per local run). In AWS they are
 * the SDK adapters configured from the environment; the local CLI passes the same adapters pointed at its local
 * servers, so there is no special local code path in the handlers.
 */
public final class Services {
    private static volatile Services fromEnvironment;

    private final ObjectMapper json;
    private final ClipStore clips;
    private final JobStore jobs;
    private final PromptCache cache;
    private final Map<String, VideoProvider> providers;
    private final ClipProbe probe;
    private final Path workDir;
    private final Clock clock;
    private final RequestParser parser;
    private final RequestValidator validator;

    public Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            ClipProbe probe, CapabilityCatalog catalog, Path workDir, Clock clock) {
        this.json = json;
        this.clips = clips;
        this.jobs = jobs;
        this.cache = cache;
        this.providers = Map.copyOf(providers);
        this.probe = probe;
        this.workDir = workDir;
        this.clock = clock;
        this.parser = new RequestParser(json);
        this.validator = new RequestValidator(ContentPolicy.load(json), catalog, this.providers.keySet());
    }

    /** The Jackson setup every handler shares: records in, unknown state fields tolerated (the ASL may add some). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Wiring for a Lambda container, built on first use and shared by the handlers in it. */
    public static Services fromEnvironment() {
        Services services = fromEnvironment;
        if (services == null) {
            synchronized (Services.class) {
                if (fromEnvironment == null) {
                    fromEnvironment = fromConfig(HandlerConfig.fromEnvironment());
                }
                services = fromEnvironment;
            }
        }
        return services;
    }

    static Services fromConfig(HandlerConfig config) {
        ObjectMapper json = objectMapper();
        AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()));
        Path animaticDir = config.workDir().resolve("animatic");
        return new Services(json,
                new S3ClipStore(aws.s3(), config.bucket()),
                new DynamoDbJobStore(aws.dynamoDb(), config.jobsTable()),
                new DynamoDbPromptCache(aws.dynamoDb(), config.cacheTable()),
                Map.of("animatic", new AnimaticProvider(animaticDir)),
                new FfprobeClipProbe(Ffmpeg.bundled()),
                catalog(json, config.capabilitiesFile()),
                config.workDir(),
                Clock.systemUTC());
    }

    public static CapabilityCatalog catalog(ObjectMapper json, Path file) {
        if (file == null) {
            return CapabilityCatalog.bundled(json);
        }
        try {
            return CapabilityCatalog.parse(json.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provider capabilities from " + file, e);
        }
    }

    public VideoProvider provider(String name) {
        VideoProvider provider = providers.get(name);
        if (provider == null) {
            throw new NoSuchElementException("no adapter for provider '" + name + "' in this deployment");
        }
        return provider;
    }

    public ObjectMapper json() {
        return json;
    }

    public ClipStore clips() {
        return clips;
    }

    public JobStore jobs() {
        return jobs;
    }

    public PromptCache cache() {
        return cache;
    }

    public ClipProbe probe() {
        return probe;
    }

    public Path workDir() {
        return workDir;
    }

    public Clock clock() {
        return clock;
    }

    public RequestParser parser() {
        return parser;
    }

    public RequestValidator validator() {
        return validator;
    }
}
