package dev.reelforge.handlers.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.dynamodb.DynamoDbJobStore;
import dev.reelforge.aws.dynamodb.DynamoDbPromptCache;
import dev.reelforge.aws.dynamodb.DynamoDbProviderJobLedger;
import dev.reelforge.aws.dynamodb.DynamoDbTenantSpendLedger;
import dev.reelforge.aws.secrets.SecretsManagerSecrets;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.cost.DailyBudget;
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
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
    private final DailyBudget dailyBudget;

    public Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            ClipProbe probe, CapabilityCatalog catalog, Path workDir, Clock clock) {
        this(json, clips, jobs, cache, providers, probe, catalog, workDir, clock, DailyBudget.unlimited());
    }

    /** As above, with a per-tenant daily budget that Submit charges before any provider call. */
    public Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            ClipProbe probe, CapabilityCatalog catalog, Path workDir, Clock clock,
            DailyBudget dailyBudget) {
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
        this.dailyBudget = dailyBudget;
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
        S3ClipStore clips = new S3ClipStore(aws.s3(), config.bucket());
        return new Services(json,
                clips,
                new DynamoDbJobStore(aws.dynamoDb(), config.jobsTable()),
                new DynamoDbPromptCache(aws.dynamoDb(), config.cacheTable()),
                providers(config, aws, clips, json),
                new FfprobeClipProbe(Ffmpeg.bundled()),
                catalog(json, config.capabilitiesFile()),
                config.workDir(),
                Clock.systemUTC(),
                dailyBudget(config, aws));
    }

    private static DailyBudget dailyBudget(HandlerConfig config, AwsClients aws) {
        Double limit = HandlerConfig.providersFromEnvironment(config.region(), config.bucket()).tenantDailyBudgetUsd();
        return limit == null ? DailyBudget.unlimited()
                : DailyBudget.of(new DynamoDbTenantSpendLedger(aws.dynamoDb(), config.cacheTable()), limit);
    }

    public DailyBudget dailyBudget() {
        return dailyBudget;
    }

    /** The animatic plus each paid adapter the environment configures, sharing one DynamoDB job ledger. */
    private static Map<String, VideoProvider> providers(HandlerConfig config, AwsClients aws, ClipStore clips, ObjectMapper json) {
        Map<String, VideoProvider> providers = new java.util.LinkedHashMap<>();
        providers.put(AnimaticProvider.NAME, new AnimaticProvider(config.workDir().resolve("animatic")));
        providers.putAll(ProviderAdapters.build(HandlerConfig.providersFromEnvironment(config.region(), config.bucket()), clips,
                new DynamoDbProviderJobLedger(aws.dynamoDb(), config.cacheTable()),
                new SecretsManagerSecrets(() -> SecretsManagerClient.builder().region(Region.of(config.region()))
                        .httpClient(UrlConnectionHttpClient.create()).build()),
                json, Clock.systemUTC()));
        return providers;
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

    /** The review analyzer: one bundled-FFmpeg pass per clip; stateless, so a fresh one is as good as a shared one. */
    public ClipAnalyzer analyzer() {
        return new FfmpegClipAnalyzer(Ffmpeg.bundled());
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
