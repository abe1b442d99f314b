package dev.reelforge.core.error;

/** The provider asked us to slow down (HTTP 429) or is briefly unavailable (5xx, timeout): retry with backoff. */
public class ProviderThrottledException extends ReelforgeException {
    public ProviderThrottledException(String message) {
        super(message);
    }
}
