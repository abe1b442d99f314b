package dev.reelforge.core.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Object storage for requests, provider originals and outputs (S3 in AWS and locally, through the same adapter).
 * Keys are built by the core from validated ids only. Implementations are thread-safe.
 */
public interface ClipStore {
    /** Uploads a file; the object appears whole or not at all. */
    void putFile(String key, Path file, String contentType);

    void putBytes(String key, byte[] content, String contentType);

    /** Downloads an object to {@code target}, replacing it; throws if the object does not exist. */
    void download(String key, Path target);

    Optional<byte[]> getBytes(String key);

    boolean exists(String key);

    /** The object's size in bytes without reading it (a HEAD in S3); empty when there is no such object. */
    OptionalLong size(String key);

    /**
     * A URL that lets its holder GET one of {@code tenant}'s objects for {@code validity} without credentials, for
     * a provider that fetches an input itself; empty for a store that cannot presign.
     */
    default Optional<String> shareableUrl(String tenant, String key, Duration validity) {
        return Optional.empty();
    }

    /** A location a user can follow: {@code s3://bucket/key} in AWS, a file path for a filesystem-backed store. */
    String locate(String key);
}
