package dev.reelforge.core.error;

/**
 * The provider asked us to slow down (HTTP 429) or is briefly unavailable (5xx, timeout, an unreadable answer):
 * retry with backoff. {@link #retryAfterSeconds()} carries the provider's own hint when it sent one.
 */
public class ProviderThrottledException extends ReelforgeException {
    private final int retryAfterSeconds;

    public ProviderThrottledException(String message) {
        this(message, 0);
    }

    public ProviderThrottledException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** Seconds the provider asked us to wait (Retry-After), or 0 when it gave no hint. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
