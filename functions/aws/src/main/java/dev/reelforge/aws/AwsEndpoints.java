package dev.reelforge.aws;

import java.net.URI;
import java.util.Objects;

/**
 * Where the SDK clients connect: the region plus, for the local stack, an endpoint per service and fixed
 * credentials. Built by the one configuration class that reads the environment, so that {@link AwsClients} never
 * does.
 *
 * <pre>{@code
 * AwsEndpoints aws = AwsEndpoints.forRegion("eu-west-1");
 * AwsEndpoints local = AwsEndpoints.local("us-east-1", s3Uri, dynamoDbUri, LocalCredentials.of("local", "local"));
 * }</pre>
 *
 * @param s3Endpoint override for S3, or {@code null} for the regional AWS endpoint
 * @param dynamoDbEndpoint override for DynamoDB, or {@code null} for the regional AWS endpoint
 * @param credentials static credentials for a local server, or {@code null} for the default provider chain
 * @param sfnEndpoint override for Step Functions (e.g. {@code reelforge serve}), or {@code null} for AWS's
 */
public record AwsEndpoints(
        String region, URI s3Endpoint, URI dynamoDbEndpoint, LocalCredentials credentials, URI sfnEndpoint) {

    public AwsEndpoints {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    /** Real AWS: regional endpoints and the default credentials chain (the Lambda role in AWS). */
    public static AwsEndpoints forRegion(String region) {
        return new AwsEndpoints(region, null, null, null, null);
    }

    /** Local servers with fixed credentials. */
    public static AwsEndpoints local(
            String region, URI s3Endpoint, URI dynamoDbEndpoint, LocalCredentials credentials) {
        return new AwsEndpoints(
                region,
                Objects.requireNonNull(s3Endpoint, "s3Endpoint"),
                Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint"),
                Objects.requireNonNull(credentials, "credentials"),
                null);
    }

    /** A copy whose Step Functions client talks to {@code endpoint}, e.g. the local {@code reelforge serve}. */
    public AwsEndpoints withSfnEndpoint(URI endpoint) {
        return new AwsEndpoints(
                region, s3Endpoint, dynamoDbEndpoint, credentials, Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Static credentials accepted by the local servers; never real AWS keys. */
    public record LocalCredentials(String accessKeyId, String secretAccessKey) {
        public LocalCredentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        public static LocalCredentials of(String accessKeyId, String secretAccessKey) {
            return new LocalCredentials(accessKeyId, secretAccessKey);
        }

        @Override
        public String toString() {
            return "LocalCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }
}
