package dev.reelforge.core.error;

/**
 * A finished clip's download arrived whole but is not the clip: served as a web page or JSON, cut short, or not an
 * MP4 inside. The provider job is done and paid for, so this is a transfer fault: download again, with backoff.
 * Poll counts these per clip and fails the clip, naming its provider job id, once the attempts are spent; should one
 * escape elsewhere it is retried like any {@link ProviderThrottledException}.
 */
public class CorruptDownloadException extends ProviderThrottledException {
    public CorruptDownloadException(String message) {
        super(message);
    }
}
