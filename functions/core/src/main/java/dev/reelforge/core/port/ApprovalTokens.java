package dev.reelforge.core.port;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The task token of a render waiting for a person's approval, per job, with the revision (the render round) it is
 * for. A job waits on at most one revision at a time: {@link #put} for a newer revision replaces the older one.
 * {@link #take} removes the token as it returns it, atomically and only for the revision named, so one token answers
 * one decision and an approval of another revision never gets it. Implementations are thread-safe.
 */
public interface ApprovalTokens {
    /** Keeps {@code token} for the render {@code revision} of {@code jobId} until it is taken or {@code expiresAt}. */
    void put(String jobId, int revision, String token, Instant expiresAt);

    /** The token for that revision, removed; empty when it does not wait (another revision, decided, expired). */
    Optional<String> take(String jobId, int revision);

    /** The revision of {@code jobId} that waits for a decision, if any. */
    OptionalInt waiting(String jobId);
}
