package dev.reelforge.wiring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.dynamodb.DynamoDbJobStore;
import dev.reelforge.aws.dynamodb.DynamoDbPromptCache;
import dev.reelforge.aws.dynamodb.DynamoDbProviderJobLedger;
import dev.reelforge.aws.dynamodb.DynamoDbTenantSpendLedger;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.aws.secrets.SecretsManagerSecrets;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.ModelLifecycleSource;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.LifecycleOverrides;
import dev.reelforge.core.provider.LifecycleRefresh;
import dev.reelforge.core.reference.ReferenceIntake;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import dev.reelforge.providers.bedrock.BedrockModelLifecycle;
import dev.reelforge.providers.image.Java2dImageFitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The collaborators of every handler, wired once per Lambda container (or once per local run). In AWS they are
 * the SDK adapters configured from the environment, each built on first use, so a handler pays only for what it
 * uses: Validate builds no provider adapter, no S3 client and makes no Secrets Manager call. The local CLI passes
 * the same adapters pointed at its local servers, so there is no special local code path in the handlers. Nothing
 * here touches FFmpeg: ReviewScore adds its probe and analyzer in functions/handlers-media, and the animatic adapter
 * comes from a {@link ProviderAdapterFactory} that only the media package carries.
 */
public final class Services {
    /** The providers a scheduled lifecycle refresh has a source for ({@link #bedrockLifecycleFromEnvironment}). */
    private static final Set<String> LIFECYCLE_CHECKED = Set.of(BedrockModelLifecycle.PROVIDER);

    private static volatile Services fromEnvironment;

    private final ObjectMapper json;
    private final Supplier<ClipStore> clips;
    private final Supplier<JobStore> jobs;
    private final Supplier<PromptCache> cache;
    private final Supplier<Map<String, VideoProvider>> providers;
    private final Set<String> offered;
    private final Path workDir;
    private final Clock clock;
    private final Supplier<RequestParser> parser;
    private final Supplier<RequestValidator> validator;
    private final Supplier<CapabilityCatalog> catalog;
    private final Supplier<DailyBudget> dailyBudget;
    private final AwsClients aws;

    public Services(
            ObjectMapper json,
            ClipStore clips,
            JobStore jobs,
            PromptCache cache,
            Map<String, VideoProvider> providers,
            CapabilityCatalog catalog,
            Path workDir,
            Clock clock) {
        this(json, clips, jobs, cache, providers, catalog, workDir, clock, DailyBudget.unlimited());
    }

    /** As above, with a per-tenant daily budget that Submit charges before any provider call. */
    public Services(
            ObjectMapper json,
            ClipStore clips,
            JobStore jobs,
            PromptCache cache,
            Map<String, VideoProvider> providers,
            CapabilityCatalog catalog,
            Path workDir,
            Clock clock,
            DailyBudget dailyBudget) {
        this(json, clips, jobs, cache, providers, providers.keySet(), catalog, workDir, clock, dailyBudget);
    }

    /**
     * {@code offered} are the providers the deployment accepts requests for; it may name more than {@code providers}
     * holds, because Validate accepts an animatic request in the light package while only Submit and Poll, built
     * from the media package, carry the adapter.
     */
    Services(
            ObjectMapper json,
            ClipStore clips,
            JobStore jobs,
            PromptCache cache,
            Map<String, VideoProvider> providers,
            Set<String> offered,
            CapabilityCatalog catalog,
            Path workDir,
            Clock clock,
            DailyBudget dailyBudget) {
        this(
                json,
                () -> clips,
                () -> jobs,
                () -> cache,
                () -> Map.copyOf(providers),
                union(offered, providers.keySet()),
                () -> catalog,
                workDir,
                clock,
                () -> dailyBudget,
                null);
    }

    /** Each collaborator is built by its supplier on first use; {@code offered} names all that {@code providers} holds. */
    private Services(
            ObjectMapper json,
            Supplier<ClipStore> clips,
            Supplier<JobStore> jobs,
            Supplier<PromptCache> cache,
            Supplier<Map<String, VideoProvider>> providers,
            Set<String> offered,
            Supplier<CapabilityCatalog> catalog,
            Path workDir,
            Clock clock,
            Supplier<DailyBudget> dailyBudget,
            AwsClients aws) {
        this.json = json;
        this.clips = Lazy.of(clips);
        this.jobs = Lazy.of(jobs);
        this.cache = Lazy.of(cache);
        this.providers = Lazy.of(providers);
        this.offered = Set.copyOf(offered);
        this.workDir = workDir;
        this.clock = clock;
        this.parser = Lazy.of(() -> new RequestParser(json));
        this.catalog = Lazy.of(catalog);
        this.validator = Lazy.of(() -> new RequestValidator(ContentPolicy.load(json), currentCatalog(), this.offered));
        this.dailyBudget = Lazy.of(dailyBudget);
        this.aws = aws;
    }

    /**
     * The capability data as Validate applies it: with the lifecycle overrides, read on every request, where the
     * deployment offers a provider whose lifecycle the scheduled refresh checks (only those have overrides written);
     * elsewhere the overrides could not change a model this deployment accepts, and Validate does not read them.
     */
    private Supplier<CapabilityCatalog> currentCatalog() {
        if (Collections.disjoint(offered, LIFECYCLE_CHECKED)) {
            return catalog;
        }
        return () -> LifecycleOverrides.read(clips.get(), json).applyTo(catalog.get());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> names = new HashSet<>(a);
        names.addAll(b);
        return names;
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
        return fromConfig(config, HandlerConfig.providersFromEnvironment(config.region(), config.bucket()));
    }

    /** The AWS wiring of {@code config}; nothing is built, no client and no adapter, until a handler asks for it. */
    static Services fromConfig(HandlerConfig config, ProviderConfig providerConfig) {
        return fromConfig(config, providerConfig, secretsManager(config.region()));
    }

    /** As above, with {@code secrets} turning a secret ARN into its value (Secrets Manager in AWS). */
    static Services fromConfig(HandlerConfig config, ProviderConfig providerConfig, UnaryOperator<String> secrets) {
        ObjectMapper json = objectMapper();
        AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()));
        LazyClipStore clips = new LazyClipStore(() -> new S3ClipStore(aws.s3(), config.bucket()));
        if (config.initializedAhead()) {
            clips.build();
        }
        return new Services(
                json,
                () -> clips,
                () -> new DynamoDbJobStore(aws.dynamoDb(), config.jobsTable()),
                () -> new DynamoDbPromptCache(aws.dynamoDb(), config.cacheTable()),
                () -> providers(config, providerConfig, aws, clips, json, secrets),
                ProviderAdapters.offered(providerConfig),
                () -> catalog(json, config.capabilitiesFile()),
                config.workDir(),
                Clock.systemUTC(),
                () -> dailyBudget(config, providerConfig, aws),
                aws);
    }

    /**
     * The SDK clients of the AWS wiring, for a handler's own adapters (Ingest's Step Functions client, the webhook and
     * approval token tables): a function holds one HTTP client and one TLS context, not one per adapter.
     *
     * @throws IllegalStateException for wiring that was handed its adapters (a local run), which has no SDK clients
     */
    public AwsClients aws() {
        if (aws == null) {
            throw new IllegalStateException("this wiring was given its adapters and holds no AWS clients");
        }
        return aws;
    }

    private static DailyBudget dailyBudget(HandlerConfig config, ProviderConfig providerConfig, AwsClients aws) {
        Double limit = providerConfig.tenantDailyBudgetUsd();
        return limit == null
                ? DailyBudget.unlimited()
                : DailyBudget.of(new DynamoDbTenantSpendLedger(aws.dynamoDb(), config.cacheTable()), limit);
    }

    public DailyBudget dailyBudget() {
        return dailyBudget.get();
    }

    /**
     * Each paid adapter the environment configures, sharing one DynamoDB job ledger, plus the animatic when it is
     * enabled and this function's package carries it.
     */
    private static Map<String, VideoProvider> providers(
            HandlerConfig config,
            ProviderConfig providerConfig,
            AwsClients aws,
            ClipStore clips,
            ObjectMapper json,
            UnaryOperator<String> secrets) {
        Map<String, VideoProvider> providers = new LinkedHashMap<>();
        if (providerConfig.animaticEnabled()) {
            ProviderAdapters.packaged(ProviderConfig.ANIMATIC, config, clips)
                    .ifPresent(a -> providers.put(ProviderConfig.ANIMATIC, a));
        }
        providers.putAll(ProviderAdapters.build(
                providerConfig,
                clips,
                new DynamoDbProviderJobLedger(aws.dynamoDb(), config.cacheTable()),
                secrets,
                json,
                Clock.systemUTC()));
        return providers;
    }

    /** Secret ARN to value through Secrets Manager; the client is built on the first lookup, not at init. */
    public static UnaryOperator<String> secretsManager(String region) {
        return new SecretsManagerSecrets(() -> SecretsManagerClient.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
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
        VideoProvider provider = offered.contains(name) ? providers.get().get(name) : null;
        if (provider == null) {
            throw new NoSuchElementException(
                    offered.contains(name)
                            ? "provider '" + name
                                    + "' is enabled but its adapter is not in this function's package; deploy the"
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
        return clips.get();
    }

    /** Checks and stores reference images; the clip store is built only when a request names one. */
    public ReferenceIntake references() {
        return new ReferenceIntake(clips, new Java2dImageFitter());
    }

    public JobStore jobs() {
        return jobs.get();
    }

    public PromptCache cache() {
        return cache.get();
    }

    public Path workDir() {
        return workDir;
    }

    public Clock clock() {
        return clock;
    }

    public RequestParser parser() {
        return parser.get();
    }

    /** The scheduled lifecycle refresh of {@code source}'s models in the deployed data, writing beside the clips. */
    public LifecycleRefresh lifecycleRefresh(ModelLifecycleSource source) {
        return new LifecycleRefresh(catalog(), source, clips(), json, clock);
    }

    /** Bedrock's GetFoundationModel in the configured Bedrock region (REELFORGE_BEDROCK_REGION). */
    public static ModelLifecycleSource bedrockLifecycleFromEnvironment() {
        HandlerConfig config = HandlerConfig.fromEnvironment();
        return new BedrockModelLifecycle(
                BedrockModelLifecycle.defaultClient(
                        HandlerConfig.providersFromEnvironment(config.region(), config.bucket())
                                .bedrockRegion()),
                Clock.systemUTC());
    }

    /** The capability data as deployed, without the lifecycle overrides (which Validate applies per request). */
    public CapabilityCatalog catalog() {
        return catalog.get();
    }

    public RequestValidator validator() {
        return validator.get();
    }
}
