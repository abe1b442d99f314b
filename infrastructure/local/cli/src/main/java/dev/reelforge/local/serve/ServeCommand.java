package dev.reelforge.local.serve;

import dev.reelforge.core.webhook.WebhookRoute;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.wiring.Services;
import dev.reelforge.wiring.WebhookConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge serve}: the local stack plus a Step Functions endpoint, until Ctrl-C. Prints the endpoints as
 * environment variables for the AWS CLI and SDKs, and relays uploads under {@code requests/} to Ingest.
 */
@Command(
        name = "serve",
        description = "Serve the Step Functions API (AWS JSON 1.0) on 127.0.0.1 with the local S3 and DynamoDB.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(
            names = "--port",
            description = "Port of the Step Functions endpoint; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8083;

    @Option(names = "--data-dir", description = "Where the local stack keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".reelforge");

    @Option(
            names = "--scan-seconds",
            description = "How often requests/ is scanned for new uploads; 0 turns it off (default: ${DEFAULT-VALUE}).")
    int scanSeconds = 1;

    @Option(
            names = "--webhook-keys",
            description = "A JSON file of provider webhook verification keys, shaped as template.yaml's WebhookSecret"
                    + " ({\"fal-queue\": {\"publicKeys\": [...]}}). With it, a model whose capability data offers"
                    + " webhooks is asked to POST to <endpoint>/webhooks/<provider>, and the render waits for that"
                    + " before it polls.")
    Path webhookKeys;

    @Option(
            names = "--webhook-timeout-seconds",
            description = "How long a render waits for its webhook before polling (default: ${DEFAULT-VALUE}).")
    int webhookTimeoutSeconds = 600;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor();
        try (LocalAwsStack stack = LocalAwsStack.start(dataDir.toAbsolutePath());
                LocalServe serve = LocalServe.start(
                        stack,
                        dataDir.toAbsolutePath(),
                        port,
                        EngineClock.system(),
                        LocalWorkflow.configuredProviders(stack, dataDir.toAbsolutePath()),
                        webhooks())) {
            Map<String, String> env = stack.awsCliEnvironment();
            env.put("AWS_ENDPOINT_URL_SFN", serve.endpoint().toString());
            out.println("Step Functions  " + serve.endpoint() + "   (StartSyncExecution: disable the SDK host prefix)");
            out.println("S3              " + env.get("AWS_ENDPOINT_URL_S3") + "   bucket "
                    + stack.settings().bucket());
            out.println("DynamoDB        " + env.get("AWS_ENDPOINT_URL_DYNAMODB"));
            out.println("render          " + LocalServe.RENDER_ARN);
            out.println("batch           " + LocalServe.BATCH_ARN);
            if (webhookKeys != null) {
                out.println("webhooks        POST " + serve.endpoint() + "/webhooks/<provider>   (wait "
                        + webhookTimeoutSeconds + " s, then poll)");
            }
            out.println();
            env.forEach((name, value) -> out.println("export " + name + "=" + value));
            out.println();
            out.println("Uploads to s3://" + stack.settings().bucket() + "/requests/<tenant>/<name>.json start a render"
                    + (scanSeconds > 0
                            ? " (scanned every " + scanSeconds + " s: the local S3 sends no notifications)."
                            : " (scan off)."));
            out.flush();
            if (scanSeconds > 0) {
                scanner.scheduleWithFixedDelay(() -> scan(serve), scanSeconds, scanSeconds, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "reelforge-serve-stop"));
            stopped.await();
        } finally {
            scanner.shutdownNow();
        }
        return 0;
    }

    private LocalServe.Webhooks webhooks() {
        if (webhookKeys == null) {
            return LocalServe.Webhooks.NONE;
        }
        if (webhookTimeoutSeconds < 1 || webhookTimeoutSeconds > WebhookRoute.MAX_TIMEOUT_SECONDS) {
            throw new ParameterException(
                    spec.commandLine(), "--webhook-timeout-seconds must be 1.." + WebhookRoute.MAX_TIMEOUT_SECONDS);
        }
        try {
            return new LocalServe.Webhooks(
                    webhookTimeoutSeconds,
                    WebhookConfig.verifiers(Files.readString(webhookKeys), Services.objectMapper()));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--webhook-keys: cannot read " + webhookKeys);
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), "--webhook-keys: " + e.getMessage());
        }
    }

    private static void scan(LocalServe serve) {
        try {
            serve.uploads().scan().forEach(answer -> log.info("upload relayed to Ingest: {}", answer));
        } catch (RuntimeException e) {
            log.warn("scanning requests/ failed: {}", e.getMessage());
        }
    }
}
