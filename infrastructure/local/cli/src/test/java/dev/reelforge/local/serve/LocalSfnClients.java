package dev.reelforge.local.serve;

import dev.reelforge.local.stack.LocalAwsStack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** An SDK client for the local endpoint, configured as the README tells SaaS backends to, and a bounded poll. */
final class LocalSfnClients {
    private LocalSfnClients() {}

    static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsStack.CREDENTIALS.accessKeyId(), LocalAwsStack.CREDENTIALS.secretAccessKey())))
                .overrideConfiguration(
                        c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** Polls DescribeExecution until the execution leaves RUNNING, as a SaaS backend would; fails after {@code limit}. */
    static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) {
                return described;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(executionArn + " still RUNNING after " + limit);
            }
            Thread.sleep(200);
        }
    }
}
