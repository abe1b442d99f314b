package dev.reelforge.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.dynamodb.DynamoDbApprovalTokens;
import dev.reelforge.aws.dynamodb.DynamoDbProviderJobLedger;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookReplayGuard;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookTokens;
import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.port.ApprovalTokens;
import dev.reelforge.core.port.TaskCallback;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.handlers.ApprovalHandler;
import dev.reelforge.handlers.FinalizeHandler;
import dev.reelforge.handlers.PollHandler;
import dev.reelforge.handlers.PostProcessHandler;
import dev.reelforge.handlers.RecordFailureHandler;
import dev.reelforge.handlers.SubmitHandler;
import dev.reelforge.handlers.ValidateHandler;
import dev.reelforge.handlers.WebhookHandler;
import dev.reelforge.handlers.media.RecutHandler;
import dev.reelforge.handlers.media.ReviewScoreHandler;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.TaskTokenException;
import dev.reelforge.local.stack.LocalAccount;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import dev.reelforge.media.analysis.FfmpegFrameSampler;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.edit.FfmpegClipRecutter;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.mediatask.MediaTask;
import dev.reelforge.providers.animatic.AnimaticProvider;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.ProviderAdapters;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The render workflow on the local stack: the deployed {@code render.asl.json} on our engine, every Lambda
 * handler in-process wired to the same SDK adapters as in AWS (pointed at the local S3 and DynamoDB servers), and
 * the media task in-process in place of the ECS container.
 */
public final class LocalWorkflow {
    public static final String RENDER_MACHINE = "reelforge-render";
    public static final String BATCH_MACHINE = "reelforge-batch";

    private final Services services;
    private final StateMachine render;
    private final LocalTaskResolver tasks;
    private final EngineClock clock;
    private final RelayedTaskCallback approvalCallback = new RelayedTaskCallback();
    private final LocalWebhooks webhooks = new LocalWebhooks();
    private final RequestStreamHandler webhookFunction;

    public LocalWorkflow(LocalAwsStack stack, Path dataDir, EngineClock clock) {
        this(stack, dataDir, clock, configuredProviders(stack, dataDir));
    }

    /**
     * The animatic plus each paid adapter the environment configures (REELFORGE_OPENAI_BASE_URL, REELFORGE_FAL_*,
     * REELFORGE_BEDROCK_*; base URLs may point at local fakes), sharing a job ledger in the local DynamoDB.
     */
    public static Map<String, VideoProvider> configuredProviders(LocalAwsStack stack, Path dataDir) {
        Map<String, VideoProvider> providers = new LinkedHashMap<>();
        providers.put(AnimaticProvider.NAME, new AnimaticProvider(dataDir.resolve("animatic")));
        providers.putAll(ProviderAdapters.build(
                HandlerConfig.providersFromEnvironment(
                        LocalAccount.REGION, stack.settings().bucket()),
                stack.clipStore(),
                new DynamoDbProviderJobLedger(
                        stack.clients().dynamoDb(), stack.settings().tables().promptCache()),
                secretId -> {
                    throw new IllegalStateException("local runs read provider keys from REELFORGE_OPENAI_API_KEY / "
                            + "REELFORGE_FAL_API_KEY, not from Secrets Manager");
                },
                Services.objectMapper(),
                Clock.systemUTC()));
        return providers;
    }

    public LocalWorkflow(LocalAwsStack stack, Path dataDir, EngineClock clock, Map<String, VideoProvider> providers) {
        this(stack, dataDir, clock, providers, HandlerConfig.capabilitiesFileFromEnvironment());
    }

    /**
     * As above, with the provider capabilities from {@code capabilitiesFile} (null: the bundled data) instead of
     * REELFORGE_CAPABILITIES_FILE, so that an in-process {@code serve} can be given a deployer's prices.
     */
    public LocalWorkflow(
            LocalAwsStack stack,
            Path dataDir,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            Path capabilitiesFile) {
        this(stack, dataDir, clock, providers, environmentJudging(), capabilitiesFile);
    }

    /** As above, with the visual judge ReviewScore asks (the environment's, or a test's). */
    public LocalWorkflow(
            LocalAwsStack stack,
            Path dataDir,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            ClipJudging judging) {
        this(stack, dataDir, clock, providers, judging, HandlerConfig.capabilitiesFileFromEnvironment());
    }

    private static ClipJudging environmentJudging() {
        return HandlerConfig.judgeFromEnvironment()
                .judgingWithEnvironmentKey(
                        new FfmpegFrameSampler(Ffmpeg.bundled()), Services.objectMapper(), Clock.systemUTC());
    }

    private LocalWorkflow(
            LocalAwsStack stack,
            Path dataDir,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            ClipJudging judging,
            Path capabilitiesFile) {
        this(stack, dataDir, clock, providers, judging, Services.catalog(Services.objectMapper(), capabilitiesFile));
    }

    /** As above, with the capability data given (a test's, in place of a capabilities file). */
    public LocalWorkflow(
            LocalAwsStack stack,
            Path dataDir,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            ClipJudging judging,
            CapabilityCatalog catalog) {
        ObjectMapper json = Services.objectMapper();
        this.services = new Services(
                json,
                stack.clipStore(),
                stack.jobStore(),
                stack.promptCache(),
                providers,
                catalog,
                dataDir.resolve("work"),
                Clock.systemUTC());
        this.render = StateMachine.parse(
                Definitions.substitute(Definitions.load("render.asl.json"), Definitions.localSubstitutions()));
        LocalKeyProvenanceSigner signer = LocalKeyProvenanceSigner.loadOrCreate(dataDir.resolve("keys"));
        MediaTask media = MediaTask.create(
                stack.clipStore(),
                json,
                dataDir.resolve("work"),
                signer,
                C2paContentCredentials.local(dataDir.resolve("keys"), signer, Clock.systemUTC()));
        ApprovalTokens approvals = new DynamoDbApprovalTokens(
                stack.clients().dynamoDb(), stack.settings().tables().promptCache());
        this.webhookFunction = new WebhookHandler(
                services,
                new DynamoDbWebhookTokens(
                        stack.clients().dynamoDb(), stack.settings().tables().promptCache(), Clock.systemUTC()),
                new DynamoDbWebhookReplayGuard(
                        stack.clients().dynamoDb(), stack.settings().tables().promptCache(), Clock.systemUTC()),
                approvalCallback,
                webhooks::verifiers);
        Map<String, RequestStreamHandler> functions =
                handlers(services, judging, approvals, approvalCallback, webhooks::route);
        functions.put(Definitions.FUNCTIONS.get("WebhookFunctionArn"), webhookFunction);
        this.tasks = new LocalTaskResolver(functions, env -> media.run(env), json);
        this.clock = clock;
    }

    /**
     * Each deployed function's handler by function name, wired to {@code services}; ReviewScore with {@code judging},
     * the approval function with its token store and the callback that resumes a waiting render, Submit with where
     * providers call back (the webhook function is added by the caller, with its own stores).
     */
    public static Map<String, RequestStreamHandler> handlers(
            Services services,
            ClipJudging judging,
            ApprovalTokens approvals,
            TaskCallback callback,
            Supplier<WebhookRoute> webhooks) {
        Map<String, RequestStreamHandler> byName = new LinkedHashMap<>();
        byName.put(Definitions.FUNCTIONS.get("ValidateFunctionArn"), new ValidateHandler(services));
        byName.put(Definitions.FUNCTIONS.get("SubmitFunctionArn"), new SubmitHandler(services, webhooks));
        byName.put(Definitions.FUNCTIONS.get("PollFunctionArn"), new PollHandler(services));
        byName.put(
                Definitions.FUNCTIONS.get("ReviewScoreFunctionArn"),
                new ReviewScoreHandler(services, new FfmpegClipAnalyzer(Ffmpeg.bundled()), judging));
        byName.put(
                Definitions.FUNCTIONS.get("RecutFunctionArn"),
                new RecutHandler(services, new FfmpegClipRecutter(Ffmpeg.bundled())));
        byName.put(Definitions.FUNCTIONS.get("PostProcessFunctionArn"), new PostProcessHandler(services));
        byName.put(Definitions.FUNCTIONS.get("FinalizeFunctionArn"), new FinalizeHandler(services));
        byName.put(Definitions.FUNCTIONS.get("RecordFailureFunctionArn"), new RecordFailureHandler(services));
        byName.put(
                Definitions.FUNCTIONS.get("ApprovalFunctionArn"), new ApprovalHandler(services, approvals, callback));
        return byName;
    }

    public static String stateMachineArn(String name) {
        return LocalAccount.arn("states", "stateMachine:" + name);
    }

    /** Runs one render execution to its end (synchronously) and returns the engine's result with its history. */
    public ExecutionResult render(JsonNode executionInput, String executionName, ExecutionListener listener) {
        return new Engine(tasks, clock)
                .withListener(listener)
                .run(render, stateMachineArn(RENDER_MACHINE), executionName, executionInput);
    }

    /**
     * As {@link #render}, with the approval function's decisions answering this engine's task tokens directly
     * (no Step Functions endpoint): what {@code reelforge run --approve} uses to approve in-process.
     */
    public ExecutionResult renderWithLocalCallbacks(
            JsonNode executionInput, String executionName, ExecutionListener listener) {
        Engine engine = new Engine(tasks, clock).withListener(listener);
        ObjectMapper json = services.json();
        approvalCallback.connect(new TaskCallback() {
            @Override
            public void succeed(String token, String outputJson) {
                try {
                    engine.tokens().succeed(token, json.readTree(outputJson));
                } catch (TaskTokenException e) {
                    throw new ApprovalNotPendingException(e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void fail(String token, String error, String cause) {
                try {
                    engine.tokens().fail(token, error, cause);
                } catch (TaskTokenException e) {
                    throw new ApprovalNotPendingException(e.getMessage());
                }
            }
        });
        return engine.run(render, stateMachineArn(RENDER_MACHINE), executionName, executionInput);
    }

    /** The task resolver of this wiring (handlers in-process, media task), e.g. for {@code reelforge serve}. */
    public LocalTaskResolver tasks() {
        return tasks;
    }

    /** Where the approval function sends decisions: {@code reelforge serve} connects its own Step Functions endpoint. */
    public RelayedTaskCallback approvalCallback() {
        return approvalCallback;
    }

    /** Provider webhooks: off until {@code reelforge serve} connects its endpoint. */
    public LocalWebhooks webhooks() {
        return webhooks;
    }

    /** The webhook function's handler, which {@code reelforge serve}'s {@code /webhooks/} route invokes. */
    public RequestStreamHandler webhookFunction() {
        return webhookFunction;
    }

    public Services services() {
        return services;
    }
}
