import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalTaskResolver;
import dev.reelforge.local.serve.LocalExecutions;
import dev.reelforge.local.serve.StepFunctionsApi;
import dev.reelforge.local.serve.StepFunctionsServer;
import dev.reelforge.local.stack.LocalAwsStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * Reelforge's engine driven over HTTP as a SaaS backend drives {@code reelforge serve}: the same Step Functions
 * server and executions serve runs (127.0.0.1, any free port). The shared definition is created as an EXPRESS machine
 * (through the AWS SDK for Java) and each run is one StartSyncExecution (the request, the whole execution, the
 * response), sent by the client the fifth argument names: {@code json} (the default) posts the AWS JSON 1.0 request
 * ({@code X-Amz-Target: AWSStepFunctions.StartSyncExecution}) with the JDK's HttpClient and reads the answer's
 * status, unsigned, as a backend may call serve, which checks no signature; {@code sdk} goes through the AWS SDK's
 * SfnClient (URLConnection client, SigV4 signing, its marshalling). Arguments: definition.json N timed warmup
 * [json|sdk], where timed and warmup are a number of runs ({@code 20}) or of seconds ({@code 10s}); prints
 * transitions per second of the timed runs.
 */
public class ServeThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        String timed = args[2];
        String warmup = args[3];
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode();
        for (int i = 0; i < n; i++) {
            input.withArray("items").addObject().put("i", i);
        }
        String inputText = json.writeValueAsString(input);
        String definition = Files.readString(Path.of(args[0]));
        try (LocalExecutions executions = new LocalExecutions(
                        nested -> new LocalTaskResolver(Map.of(), env -> 0, json).withNested(nested), EngineClock.system(), json);
                StepFunctionsServer server = StepFunctionsServer.start(0, new StepFunctionsApi(executions, json), json);
                SfnClient sfn = SfnClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                LocalAwsStack.CREDENTIALS.accessKeyId(), LocalAwsStack.CREDENTIALS.secretAccessKey())))
                        .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                        .build()) {
            String machine = sfn.createStateMachine(b -> b.name("bench").type(StateMachineType.EXPRESS)
                            .roleArn("arn:aws:iam::000000000000:role/bench").definition(definition))
                    .stateMachineArn();
            Runnable call = args.length > 4 && args[4].equals("sdk")
                    ? () -> check(sfn.startSyncExecution(b -> b.stateMachineArn(machine).input(inputText)))
                    : jsonCall(server.endpoint(), json, machine, inputText);
            checkOutput(json, sfn.startSyncExecution(b -> b.stateMachineArn(machine).input(inputText)), n);
            repeat(warmup, call);
            long start = System.nanoTime();
            long runs = repeat(timed, call);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.0f%n", (3 + 3.0 * n) * runs / seconds);
        }
    }

    /** One StartSyncExecution as a plain AWS JSON 1.0 POST; fails unless the execution SUCCEEDED. */
    private static Runnable jsonCall(URI endpoint, ObjectMapper json, String machine, String inputText) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        json.createObjectNode().put("stateMachineArn", machine).put("input", inputText))))
                .build();
        return () -> {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode answer = json.readTree(response.body());
                if (response.statusCode() != 200 || !answer.path("status").asText().equals("SUCCEEDED")) {
                    throw new IllegalStateException(response.statusCode() + ": " + answer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** Runs {@code call} {@code spec} times ({@code 20}) or until {@code spec} seconds ({@code 10s}) have passed. */
    static long repeat(String spec, Runnable call) {
        if (!spec.endsWith("s")) {
            long runs = Long.parseLong(spec);
            for (long i = 0; i < runs; i++) {
                call.run();
            }
            return runs;
        }
        long end = System.nanoTime() + (long) (Double.parseDouble(spec.substring(0, spec.length() - 1)) * 1e9);
        long runs = 0;
        do {
            call.run();
            runs++;
        } while (System.nanoTime() < end);
        return runs;
    }

    /** Checks once, apart from the timed runs, that an execution really ran: its output is the Map's N results. */
    private static void checkOutput(ObjectMapper json, StartSyncExecutionResponse result, int n) throws IOException {
        check(result);
        JsonNode output = json.readTree(result.output());
        if (!output.isArray() || output.size() != n || output.get(n - 1).path("value").asInt() != n - 1) {
            throw new IllegalStateException("expected the Map's " + n + " results, got " + result.output());
        }
    }

    private static void check(StartSyncExecutionResponse result) {
        if (result.status() != SyncExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(result.error() + ": " + result.cause());
        }
    }
}
