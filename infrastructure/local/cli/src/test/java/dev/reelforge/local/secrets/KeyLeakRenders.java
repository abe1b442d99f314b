package dev.reelforge.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import dev.reelforge.local.engine.VirtualClock;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAccount;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.openai.OpenAiVideosProvider;
import dev.reelforge.providers.openai.OpenAiVideosSettings;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.ProviderConfig;
import dev.reelforge.wiring.Services;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The subprocess of {@link ProviderKeysNeverLoggedTest}: renders every request file in a directory through the local
 * workflow (render.asl.json on the engine, handlers in-process, the local stack), with the paid adapters built as
 * {@code reelforge run} builds them, from the environment ({@link LocalWorkflow#configuredProviders}), on a virtual
 * clock so that retry backoff and poll waits take no time. A request whose file name holds {@code timeout} runs
 * with the same OpenAI adapter and key but a 500 ms request timeout (the environment has no timeout setting).
 * Prints, for each execution, everything a user or an operator could see: the outcome, the cause, every history
 * event with its input and output, and the job record; logs go to stderr at the levels the parent chose.
 *
 * <pre>{@code java -cp <test classpath> dev.reelforge.local.secrets.KeyLeakRenders <data dir> <requests dir>}</pre>
 */
public final class KeyLeakRenders {
    private KeyLeakRenders() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<Path> requests;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            requests = files.sorted().toList();
        }
        ObjectMapper json = Services.objectMapper();
        VirtualClock clock = new VirtualClock(Instant.now());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (LocalAwsStack stack = LocalAwsStack.start(data)) {
            Map<String, VideoProvider> providers = LocalWorkflow.configuredProviders(stack, data);
            LocalWorkflow workflow = new LocalWorkflow(stack, data, clock, providers);
            ProviderConfig config = HandlerConfig.providersFromEnvironment(
                    LocalAccount.REGION, stack.settings().bucket());
            Map<String, VideoProvider> impatient = new LinkedHashMap<>(providers);
            impatient.put(
                    OpenAiVideosProvider.NAME,
                    new OpenAiVideosProvider(
                            OpenAiVideosSettings.of(config.openAiBaseUrl(), config.openAiApiKey())
                                    .withRequestTimeout(Duration.ofMillis(500)),
                            json,
                            new DynamoDbProviderJobLedger(
                                    stack.clients().dynamoDb(),
                                    stack.settings().tables().promptCache()),
                            Clock.systemUTC()));
            LocalWorkflow impatientWorkflow = new LocalWorkflow(stack, data, clock, impatient);

            ExecutorService pool = Executors.newFixedThreadPool(6);
            Map<String, Future<ExecutionResult>> results = new LinkedHashMap<>();
            Map<String, List<HistoryEvent>> histories = new LinkedHashMap<>();
            for (Path file : requests) {
                String name = file.getFileName().toString().replace(".json", "");
                ObjectNode input = json.createObjectNode();
                input.set("request", json.readTree(file.toFile()));
                input.putObject("source").put("kind", "cli");
                List<HistoryEvent> history = Collections.synchronizedList(new ArrayList<>());
                histories.put(name, history);
                LocalWorkflow chosen = name.contains("timeout") ? impatientWorkflow : workflow;
                results.put(
                        name,
                        pool.submit(() -> chosen.render(input, name, new ExecutionListener() {
                            @Override
                            public void onEvent(HistoryEvent event) {
                                history.add(event);
                            }
                        })));
            }
            for (Map.Entry<String, Future<ExecutionResult>> entry : results.entrySet()) {
                String name = entry.getKey();
                ExecutionResult result = entry.getValue().get();
                out.printf("RESULT %s %s %s%n", name, result.status(), result.error());
                out.printf("CAUSE %s %s%n", name, result.cause());
                out.printf("OUTPUT %s %s%n", name, result.output());
                for (HistoryEvent event : histories.get(name)) {
                    JsonNode details = event.details();
                    out.printf("EVENT %s %d %s %s%n", name, event.id(), event.type(), details);
                }
                out.printf(
                        "JOB %s %s%n",
                        name, stack.jobStore().find(name).map(Object::toString).orElse("none"));
                out.printf(
                        "REASON %s %s%n",
                        name, stack.jobStore().find(name).map(r -> r.reason()).orElse(""));
            }
            pool.shutdown();
        }
    }
}
