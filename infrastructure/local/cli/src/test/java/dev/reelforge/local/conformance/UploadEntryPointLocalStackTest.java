package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalWorkflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The upload entry point on LocalStack: a bucket with EventBridge notifications, a rule on "Object Created" under
 * {@code requests/} whose target is the render state machine (mocked tasks, test case HappyPath) with an IAM role.
 * Each upload starts one execution, named by EventBridge after the event id; other prefixes start none.
 */
@Tag("localstack")
class UploadEntryPointLocalStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String BUCKET = "uploads-" + RUN;
    private static final String UUID_NAME = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static LocalStackInstance localStack;
    private static AwsClients clients;
    private static EventBridgeClient events;
    private static IamClient iam;
    private static SfnClient sfn;
    private static String renderArn;

    @BeforeAll
    static void wireBucketRuleAndStateMachine() {
        localStack = ConformancePaths.localStack(ConformancePaths.repositoryRoot());
        URI endpoint = localStack.endpoint();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        clients = AwsClients.create(
                AwsEndpoints.local("us-east-1", endpoint, endpoint, AwsEndpoints.LocalCredentials.of("test", "test")));
        events = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        iam = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();

        try (LocalStackStepFunctions deployer = new LocalStackStepFunctions(endpoint, JSON)) {
            renderArn = deployer.deploy(
                    LocalWorkflow.RENDER_MACHINE,
                    Definitions.substitute(Definitions.load("render.asl.json"), Definitions.localSubstitutions()));
        }
        String role = iam.createRole(b -> b.roleName("reelforge-uploads-" + RUN).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""))
                .role()
                .arn();
        iam.putRolePolicy(b -> b.roleName("reelforge-uploads-" + RUN)
                .policyName("start-render")
                .policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"states:StartExecution","Resource":"%s"}]}""".formatted(renderArn)));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        clients.s3()
                .putBucketNotificationConfiguration(
                        b -> b.bucket(BUCKET).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> {})));
        String rule = "reelforge-uploads-" + RUN;
        events.putRule(b -> b.name(rule).eventPattern("""
                {"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["%s"]},"object":{"key":[{"prefix":"requests/"}]}}}""".formatted(BUCKET)));
        events.putTargets(b -> b.rule(rule)
                .targets(t -> t.id("render").arn(renderArn + "#HappyPath").roleArn(role)));
    }

    @AfterAll
    static void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {sfn, iam, events, clients, localStack}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void upload_underRequests_startsOneSucceedingExecutionPerObject() throws Exception {
        byte[] request = Files.readAllBytes(ConformancePaths.repositoryRoot().resolve("events/requests/mug-drop.json"));
        for (String key : List.of("other/ignored.json", "requests/one.json", "requests/two.json")) {
            clients.s3()
                    .putObject(
                            b -> b.bucket(BUCKET).key(key).contentType("application/json"),
                            RequestBody.fromBytes(request));
        }

        List<DescribeExecutionResponse> started = awaitExecutionsForBucket(2, Duration.ofSeconds(60));
        assertThat(started)
                .extracting(
                        e -> input(e).path("detail").path("object").path("key").asText())
                .containsExactlyInAnyOrder("requests/one.json", "requests/two.json");
        for (DescribeExecutionResponse execution : started) {
            assertThat(execution.name())
                    .as("EventBridge names the execution after the event id")
                    .isEqualTo(input(execution).path("id").asText());
            assertThat(awaitEnd(execution.executionArn(), Duration.ofSeconds(120))
                            .status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
        }
        assertThat(executionsForBucket()).hasSize(2);
    }

    private static List<DescribeExecutionResponse> awaitExecutionsForBucket(int count, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        List<DescribeExecutionResponse> found = executionsForBucket();
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            found = executionsForBucket();
        }
        return found;
    }

    private static List<DescribeExecutionResponse> executionsForBucket() {
        return sfn.listExecutionsPaginator(b -> b.stateMachineArn(renderArn)).executions().stream()
                .filter(e -> e.name().matches(UUID_NAME))
                .map(e -> sfn.describeExecution(b -> b.executionArn(e.executionArn())))
                .filter(e -> input(e).path("detail")
                        .path("bucket")
                        .path("name")
                        .asText()
                        .equals(BUCKET))
                .toList();
    }

    private static DescribeExecutionResponse awaitEnd(String arn, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        while (described.status() == ExecutionStatus.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            described = sfn.describeExecution(b -> b.executionArn(arn));
        }
        return described;
    }

    private static JsonNode input(DescribeExecutionResponse execution) {
        try {
            return JSON.readTree(execution.input());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
