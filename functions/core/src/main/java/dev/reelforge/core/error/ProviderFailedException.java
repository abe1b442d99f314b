package dev.reelforge.core.error;

/** The provider could not produce the clip and retrying the same request will not help. */
public class ProviderFailedException extends ReelforgeException {
    public ProviderFailedException(String message) {
        super(message);
    }

    public ProviderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
