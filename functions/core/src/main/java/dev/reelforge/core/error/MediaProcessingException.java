package dev.reelforge.core.error;

/** FFmpeg (or the media task around it) failed on a clip. */
public class MediaProcessingException extends ReelforgeException {
    public MediaProcessingException(String message) {
        super(message);
    }

    public MediaProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
