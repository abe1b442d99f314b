package dev.reelforge.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a mock configuration's {@code MockedResponses}: what a mocked Task state answers on one invocation.
 * Step Functions Local and LocalStack use exactly these two shapes.
 */
public sealed interface MockedResponse {

    /** The service's response; for a Lambda function, the Invoke response ({@code StatusCode}, {@code Payload}, …). */
    record Return(JsonNode value) implements MockedResponse {}

    /** A task failure with the error name Retry and Catch match on. */
    record Throw(String error, String cause) implements MockedResponse {}
}
