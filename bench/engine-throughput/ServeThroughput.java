import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.runtime.LocalTaskResolver;
import dev.reelforge.local.serve.LocalExecutions;
import dev.reelforge.local.serve.StepFunctionsApi;
import dev.reelforge.local.serve.StepFunctionsServer;
import dev.reelforge.local.stack.LocalAwsStack;
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
 * server and executions serve runs (127.0.0.1, any free port), called through the AWS SDK for Java. The shared
 * definition is created as an EXPRESS machine and each run is one StartSyncExecution (the request, the whole
 * execution, the response). Same arguments and output as EngineThroughput: definition.json N runs warmups; prints
 * transitions per second of the timed runs.
 */
public class ServeThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmups = Integer.parseInt(args[3]);
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
            for (int i = 0; i < warmups; i++) {
                check(sfn.startSyncExecution(b -> b.stateMachineArn(machine).input(inputText)));
            }
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                check(sfn.startSyncExecution(b -> b.stateMachineArn(machine).input(inputText)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.0f%n", (3 + 3.0 * n) * runs / seconds);
        }
    }

    private static void check(StartSyncExecutionResponse result) {
        if (result.status() != SyncExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(result.error() + ": " + result.cause());
        }
    }
}
