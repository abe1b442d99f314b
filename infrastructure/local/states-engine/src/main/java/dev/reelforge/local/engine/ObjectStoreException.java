package dev.reelforge.local.engine;

/** An object could not be read, listed or written; the message names the bucket and key and never a credential. */
public final class ObjectStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ObjectStoreException(String message) {
        super(message);
    }

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
