package dev.reelforge.core.webhook;

/**
 * A webhook delivery refused before anything was recorded: a forged or missing signature, a stale timestamp, a replay,
 * or a job nobody waits for. The message says which, and never quotes the secret or the signature.
 */
public class WebhookRejectedException extends RuntimeException {
    private final int status;

    public WebhookRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer: 401 for signatures, 409 for replays, 404 for an unknown job, 400 otherwise. */
    public int status() {
        return status;
    }
}
