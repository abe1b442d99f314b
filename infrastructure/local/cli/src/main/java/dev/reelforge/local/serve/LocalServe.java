package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.sfn.SfnRenderStarter;
import dev.reelforge.aws.sfn.SfnTaskCallback;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.core.webhook.WebhookVerifier;
import dev.reelforge.handlers.IngestHandler;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalEventBus;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAccount;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.local.stack.S3ObjectStore;
import dev.reelforge.providers.animatic.AnimaticProvider;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import dev.reelforge.wiring.StateMachineArns;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code reelforge serve} assembled: the Step Functions endpoint with the deployed render and batch machines
 * pre-created, every Lambda handler in-process on the local stack, and the Ingest entry point wired exactly as in
 * AWS (its SDK Step Functions client pointed at this endpoint), fed by the {@link UploadRelay}.
 *
 * <pre>{@code
 * try (LocalAwsStack stack = LocalAwsStack.start(dir); LocalServe serve = LocalServe.start(stack, dir, 0, EngineClock.system())) {
 *     SfnClient sfn = ...endpointOverride(serve.endpoint())...;
 * }
 * }</pre>
 */
public final class LocalServe implements AutoCloseable {
    public static final String RENDER_ARN = LocalExecutions.stateMachineArn(LocalWorkflow.RENDER_MACHINE);
    public static final String BATCH_ARN = LocalExecutions.stateMachineArn(LocalWorkflow.BATCH_MACHINE);
    private static final String ROLE = "arn:aws:iam::" + LocalAccount.ID + ":role/reelforge-local";

    private final LocalExecutions executions;
    private final LocalEventBus events;
    private final StepFunctionsServer server;
    private final AwsClients ingestClients;
    private final UploadRelay uploads;

    private LocalServe(
            LocalExecutions executions,
            LocalEventBus events,
            StepFunctionsServer server,
            AwsClients ingestClients,
            UploadRelay uploads) {
        this.executions = executions;
        this.events = events;
        this.server = server;
        this.ingestClients = ingestClients;
        this.uploads = uploads;
    }

    public static LocalServe start(LocalAwsStack stack, Path dataDir, int port, EngineClock clock) {
        return start(
                stack, dataDir, port, clock, Map.of("animatic", new AnimaticProvider(dataDir.resolve("animatic"))));
    }

    public static LocalServe start(
            LocalAwsStack stack, Path dataDir, int port, EngineClock clock, Map<String, VideoProvider> providers) {
        return start(stack, dataDir, port, clock, providers, Webhooks.NONE);
    }

    /**
     * Starts {@code reelforge serve} on {@code port} (0: any free one) over {@code stack}, rendering with
     * {@code providers} and receiving their {@code webhooks}; the provider capabilities come from
     * REELFORGE_CAPABILITIES_FILE (or the bundled data).
     */
    public static LocalServe start(
            LocalAwsStack stack,
            Path dataDir,
            int port,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            Webhooks webhooks) {
        return start(
                stack,
                port,
                clock,
                new LocalWorkflow(stack, dataDir, clock, providers, HandlerConfig.capabilitiesFileFromEnvironment()),
                webhooks);
    }

    /** As above, with the provider capabilities (and so the prices) from {@code capabilitiesFile}. */
    public static LocalServe start(
            LocalAwsStack stack,
            Path dataDir,
            int port,
            EngineClock clock,
            Map<String, VideoProvider> providers,
            Webhooks webhooks,
            Path capabilitiesFile) {
        return start(
                stack, port, clock, new LocalWorkflow(stack, dataDir, clock, providers, capabilitiesFile), webhooks);
    }

    /**
     * Provider webhooks under {@code reelforge serve}: POST {@code <endpoint>/webhooks/<provider>}, verified by
     * {@code verifiers}; a render of a model whose data offers webhooks waits {@code timeoutSeconds} for one.
     */
    public record Webhooks(int timeoutSeconds, Map<String, WebhookVerifier> verifiers) {
        public static final Webhooks NONE = new Webhooks(0, Map.of());

        public Webhooks {
            verifiers = Map.copyOf(verifiers);
        }
    }

    private static LocalServe start(
            LocalAwsStack stack, int port, EngineClock clock, LocalWorkflow workflow, Webhooks webhooks) {
        Services services = workflow.services();
        ObjectMapper json = services.json();
        LocalExecutions executions = new LocalExecutions(
                nested -> workflow.tasks().withNested(nested),
                clock,
                json,
                new S3ObjectStore(stack.clients().s3()));
        Map<String, String> substitutions = Definitions.localSubstitutions();
        executions.create(
                LocalWorkflow.RENDER_MACHINE,
                Definitions.substitute(Definitions.load("render.asl.json"), substitutions),
                ROLE,
                "STANDARD");
        executions.create(
                LocalWorkflow.BATCH_MACHINE,
                Definitions.substitute(Definitions.load("batch.asl.json"), substitutions),
                ROLE,
                "STANDARD");
        StepFunctionsServer server = StepFunctionsServer.start(port, new StepFunctionsApi(executions, json), json);
        AwsClients ingestClients = AwsClients.create(stack.endpoints().withSfnEndpoint(server.endpoint()));
        workflow.approvalCallback().connect(new SfnTaskCallback(ingestClients.sfn()));
        server.mount(
                "/api/",
                new JobsApi(workflow.tasks(), services.jobs(), services.clips(), executions, RENDER_ARN, json));
        server.mount("/webhooks/", new WebhookRelay(workflow.webhookFunction(), json));
        if (webhooks.timeoutSeconds() > 0) {
            workflow.webhooks()
                    .connect(
                            new WebhookRoute(server.endpoint().toString(), webhooks.timeoutSeconds()),
                            webhooks.verifiers());
        }
        server.servePage(new ReviewPage());
        IngestHandler ingest = new IngestHandler(
                services, new SfnRenderStarter(ingestClients.sfn()), new StateMachineArns(RENDER_ARN, BATCH_ARN));
        UploadRelay uploads =
                new UploadRelay(stack.clients().s3(), stack.settings().bucket(), ingest, json);
        return new LocalServe(executions, workflow.tasks().events(), server, ingestClients, uploads);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public UploadRelay uploads() {
        return uploads;
    }

    /** Events the workflows published (the render's completion event). */
    public LocalEventBus events() {
        return events;
    }

    public LocalExecutions executions() {
        return executions;
    }

    @Override
    public void close() {
        server.close();
        executions.close();
        ingestClients.close();
    }
}
