package dev.reelforge.core.error;

/** The request (or a provider's moderation) refuses the content: real people, minors, copyrighted material. */
public class ContentRejectedException extends ReelforgeException {
    public ContentRejectedException(String message) {
        super(message);
    }
}
