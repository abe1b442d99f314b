package dev.reelforge.providers.bedrock;

import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.providers.internal.ProviderErrors;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Bedrock's SDK errors as the named errors the state machine acts on, translated at the adapter boundary. The AWS
 * request id is logged for support and kept out of messages.
 */
final class BedrockErrors {
    private static final Logger log = LoggerFactory.getLogger(BedrockErrors.class);

    private final Clock clock;

    BedrockErrors(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether a StartAsyncInvoke failing like this may have started an invocation: a 5xx, or a client-side failure
     * other than a connection that was never made.
     */
    static boolean ambiguous(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    ReelforgeException map(SdkException e, String operation) {
        if (!(e instanceof AwsServiceException service)) {
            return new ProviderThrottledException("Bedrock " + operation + " could not be completed ("
                    + e.getClass().getSimpleName() + "); retrying later");
        }
        int status = service.statusCode();
        log.warn(
                "Bedrock {} failed: HTTP {} {} (AWS request id {})",
                operation,
                status,
                service.awsErrorDetails() == null
                        ? ""
                        : service.awsErrorDetails().errorCode(),
                service.requestId());
        String detail = ProviderErrors.clean(
                service.awsErrorDetails() == null
                        ? ""
                        : service.awsErrorDetails().errorMessage());
        if (e instanceof ValidationException) {
            return ProviderErrors.isModeration(detail)
                    ? new ContentRejectedException("Bedrock's content filters refused this request: " + detail)
                    : InvalidRequestException.of("provider", "Bedrock refused " + operation + " as invalid: " + detail);
        }
        if (e instanceof ConflictException) {
            return new JobConflictException(
                    "Bedrock already holds a different request under this clip's idempotency token");
        }
        if (e instanceof AccessDeniedException || e instanceof ResourceNotFoundException) {
            return new ProviderFailedException(
                    "Bedrock refused " + operation + " (" + e.getClass().getSimpleName()
                            + "): check model access for this account and region and the function's IAM role");
        }
        if (e instanceof ServiceQuotaExceededException
                || status == 429
                || status >= 500
                || service.isThrottlingException()) {
            return new ProviderThrottledException(
                    "Bedrock is throttling or unavailable on " + operation + " (HTTP " + status + "); retrying later",
                    ProviderErrors.retryAfterSeconds(headers(service), clock));
        }
        return new ProviderFailedException("Bedrock " + operation + " failed (HTTP " + status + "): " + detail);
    }

    private static HttpHeaders headers(AwsServiceException e) {
        Map<String, List<String>> raw =
                e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
                        ? Map.of()
                        : e.awsErrorDetails().sdkHttpResponse().headers();
        return HttpHeaders.of(raw, (k, v) -> true);
    }
}
