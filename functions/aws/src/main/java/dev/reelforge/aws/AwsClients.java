package dev.reelforge.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Builds each SDK client once, with an explicit region and the small URL-connection HTTP client (right for Lambda
 * cold starts), pointed at AWS or at the local servers. Clients are built on first use and shared; they are
 * thread-safe. Close this at the end of the process (a Lambda never needs to).
 *
 * <pre>{@code
 * AwsClients clients = AwsClients.create(AwsEndpoints.forRegion("eu-west-1"));
 * ClipStore clips = new S3ClipStore(clients.s3(), "reelforge-clips");
 * }</pre>
 */
public final class AwsClients implements AutoCloseable {
    private final AwsEndpoints endpoints;
    private final SdkHttpClient httpClient;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private SfnClient sfn;
    private KmsClient kms;

    private AwsClients(AwsEndpoints endpoints) {
        this.endpoints = endpoints;
        this.httpClient = UrlConnectionHttpClient.builder().build();
    }

    public static AwsClients create(AwsEndpoints endpoints) {
        return new AwsClients(endpoints);
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /** The S3 client; path-style addressing when an endpoint override is set (local servers have no DNS). */
    public synchronized S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder()
                    .region(Region.of(endpoints.region()))
                    .httpClient(httpClient)
                    .credentialsProvider(credentials());
            URI override = endpoints.s3Endpoint();
            if (override != null) {
                builder.endpointOverride(override)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build());
            }
            s3 = builder.build();
        }
        return s3;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            var builder = DynamoDbClient.builder()
                    .region(Region.of(endpoints.region()))
                    .httpClient(httpClient)
                    .credentialsProvider(credentials());
            if (endpoints.dynamoDbEndpoint() != null) {
                builder.endpointOverride(endpoints.dynamoDbEndpoint());
            }
            dynamoDb = builder.build();
        }
        return dynamoDb;
    }

    /**
     * The Step Functions client. Against a local endpoint the SDK's host prefix ({@code sync-} for
     * StartSyncExecution) is turned off: {@code sync-127.0.0.1} does not resolve.
     */
    public synchronized SfnClient sfn() {
        if (sfn == null) {
            var builder = SfnClient.builder()
                    .region(Region.of(endpoints.region()))
                    .httpClient(httpClient)
                    .credentialsProvider(credentials());
            if (endpoints.sfnEndpoint() != null) {
                builder.endpointOverride(endpoints.sfnEndpoint())
                        .overrideConfiguration(
                                c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
            }
            sfn = builder.build();
        }
        return sfn;
    }

    /** The KMS client (regional endpoint; the local stack has no KMS, local runs sign with a key file). */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = KmsClient.builder()
                    .region(Region.of(endpoints.region()))
                    .httpClient(httpClient)
                    .credentialsProvider(credentials())
                    .build();
        }
        return kms;
    }

    private AwsCredentialsProvider credentials() {
        AwsEndpoints.LocalCredentials local = endpoints.credentials();
        if (local == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey()));
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (sfn != null) {
            sfn.close();
        }
        if (kms != null) {
            kms.close();
        }
        httpClient.close();
    }
}
