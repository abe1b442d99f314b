package dev.reelforge.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.error.InvalidRequestException;

/**
 * Whether a render waits for a person's approval before post-production, and for how long: the request's
 * {@code "approval": "required" | "none"}, else the deployment's default. The state machine's
 * {@code ApprovalRequired?} reads {@code required}; {@code WaitForApproval} reads {@code timeoutSeconds}.
 */
public record ApprovalGate(boolean required, long timeoutSeconds) {
    /** A day is the default wait for a reviewer. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 24 * 3600L;

    /**
     * A week: render.asl.json's TimeoutSeconds (612000) is two hours of rendering plus this, so the execution never
     * times out while a reviewer still may decide.
     */
    public static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600L;

    public ApprovalGate {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "the approval timeout must be 1.." + MAX_TIMEOUT_SECONDS + " seconds, not " + timeoutSeconds);
        }
    }

    public static ApprovalGate none() {
        return new ApprovalGate(false, DEFAULT_TIMEOUT_SECONDS);
    }

    /** The gate for {@code request} under the deployment default {@code deployment}. */
    public static ApprovalGate of(JsonNode request, ApprovalGate deployment) {
        JsonNode approval = request.path("approval");
        if (approval.isMissingNode() || approval.isNull()) {
            return deployment;
        }
        if (!approval.isTextual()
                || !(approval.asText().equals("required") || approval.asText().equals("none"))) {
            throw InvalidRequestException.of("$.approval", "must be \"required\" or \"none\"");
        }
        return new ApprovalGate(approval.asText().equals("required"), deployment.timeoutSeconds());
    }
}
