package dev.reelforge.core.error;

/**
 * A finished clip's download arrived but is not the clip: served as a web page or JSON, or cut short. The provider
 * job is done and paid for, so this is a transfer fault, not a failed render: Poll catches it, counts it against the
 * clip and downloads again on a later lap, with backoff; only when the attempts are spent does the clip fail, with a
 * reason naming its provider job id. Adapters throw it from {@code download}; it never reaches the state machine.
 */
public class CorruptDownloadException extends ReelforgeException {
    public CorruptDownloadException(String message) {
        super(message);
    }
}
