package dev.reelforge.providers.internal;

/**
 * A create whose answer was lost: it timed out after the request was sent, got a 5xx, or a garbled 2xx. The provider
 * may have started (and will bill) a job. Only {@link SubmitOnce} catches it: it marks the key ambiguous and throws
 * a {@link dev.reelforge.core.error.ProviderThrottledException} in its place, so it never reaches the state machine.
 */
public final class AmbiguousCreateException extends RuntimeException {
    public AmbiguousCreateException(String message) {
        super(message, null, false, false);
    }
}
