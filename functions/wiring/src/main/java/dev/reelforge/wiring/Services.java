package dev.reelforge.wiring;

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
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The collaborators of every handler, wired once per Lambda container (or once per local run). In AWS they are
 * the SDK adapters configured from the environment; the local CLI passes the same adapters pointed at its local
 * servers, so there is no special local code path in the handlers. Nothing here touches FFmpeg: ReviewScore adds
 * its probe and analyzer in functions/handlers-media, and the animatic adapter comes from a
 * {@link ProviderAdapterFactory} that only the media package carries.
 */
public final class Services {
    private static volatile Services fromEnvironment;

    private final ObjectMapper json;
    private final ClipStore clips;
    private final JobStore jobs;
    private final PromptCache cache;
    private final Map<String, VideoProvider> providers;
    private final Set<String> offered;
    private final Path workDir;
    private final Clock clock;
    private final RequestParser parser;
    private final RequestValidator validator;
    private final DailyBudget dailyBudget;

    public Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            CapabilityCatalog catalog, Path workDir, Clock clock) {
        this(json, clips, jobs, cache, providers, catalog, workDir, clock, DailyBudget.unlimited());
    }

    /** As above, with a per-tenant daily budget that Submit charges before any provider call. */
    public Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            CapabilityCatalog catalog, Path workDir, Clock clock, DailyBudget dailyBudget) {
        this(json, clips, jobs, cache, providers, providers.keySet(), catalog, workDir, clock, dailyBudget);
    }

    /**
     * {@code offered} are the providers the deployment accepts requests for; it may name more than {@code providers}
     * holds, because Validate accepts an animatic request in the light package while only Submit and Poll, built
     * from the media package, carry the adapter.
     */
    Services(ObjectMapper json, ClipStore clips, JobStore jobs, PromptCache cache, Map<String, VideoProvider> providers,
            Set<String> offered, CapabilityCatalog catalog, Path workDir, Clock clock, DailyBudget dailyBudget) {
        this.json = json;
        this.clips = clips;
        this.jobs = jobs;
        this.cache = cache;
        this.providers = Map.copyOf(providers);
        Set<String> names = new HashSet<>(offered);
        names.addAll(providers.keySet());
        this.offered = Set.copyOf(names);
        this.workDir = workDir;
        this.clock = clock;
        this.parser = new RequestParser(json);
        this.validator = new RequestValidator(ContentPolicy.load(json), catalog, this.offered);
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
        ProviderConfig providerConfig = HandlerConfig.providersFromEnvironment(config.region(), config.bucket());
        return new Services(json,
                clips,
                new DynamoDbJobStore(aws.dynamoDb(), config.jobsTable()),
                new DynamoDbPromptCache(aws.dynamoDb(), config.cacheTable()),
                providers(config, providerConfig, aws, clips, json),
                providerConfig.animaticEnabled() ? Set.of(ProviderConfig.ANIMATIC) : Set.of(),
                catalog(json, config.capabilitiesFile()),
                config.workDir(),
                Clock.systemUTC(),
                dailyBudget(config, providerConfig, aws));
    }

    private static DailyBudget dailyBudget(HandlerConfig config, ProviderConfig providerConfig, AwsClients aws) {
        Double limit = providerConfig.tenantDailyBudgetUsd();
        return limit == null ? DailyBudget.unlimited()
                : DailyBudget.of(new DynamoDbTenantSpendLedger(aws.dynamoDb(), config.cacheTable()), limit);
    }

    public DailyBudget dailyBudget() {
        return dailyBudget;
    }

    /**
     * Each paid adapter the environment configures, sharing one DynamoDB job ledger, plus the animatic when it is
     * enabled and this function's package carries it.
     */
    private static Map<String, VideoProvider> providers(HandlerConfig config, ProviderConfig providerConfig, AwsClients aws,
            ClipStore clips, ObjectMapper json) {
        Map<String, VideoProvider> providers = new LinkedHashMap<>();
        if (providerConfig.animaticEnabled()) {
            ProviderAdapters.packaged(ProviderConfig.ANIMATIC, config, clips).ifPresent(a -> providers.put(ProviderConfig.ANIMATIC, a));
        }
        providers.putAll(ProviderAdapters.build(providerConfig, clips,
                new DynamoDbProviderJobLedger(aws.dynamoDb(), config.cacheTable()),
                secretsManager(config.region()),
                json, Clock.systemUTC()));
        return providers;
    }

    /** Secret ARN to value through Secrets Manager; the client is built on the first lookup, not at init. */
    public static UnaryOperator<String> secretsManager(String region) {
        return new SecretsManagerSecrets(() -> SecretsManagerClient.builder().region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create()).build());
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
            throw new NoSuchElementException(offered.contains(name)
                    ? "provider '" + name + "' is enabled but its adapter is not in this function's package; deploy the"
                            + " function from functions/handlers-media, as template.yaml does for Submit and Poll when"
                            + " Provider is animatic"
                    : "no adapter for provider '" + name + "' in this deployment");
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
