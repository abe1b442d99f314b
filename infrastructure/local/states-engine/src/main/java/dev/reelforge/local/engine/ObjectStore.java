package dev.reelforge.local.engine;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The object reads and writes a Distributed Map needs (ItemReader, ResultWriter), so that the engine carries no S3
 * client: the CLI passes one backed by the local S3 through the AWS SDK, tests an {@link InMemoryObjectStore}.
 * Implementations must be thread-safe (child executions finish concurrently) and report every failure as an
 * {@link ObjectStoreException} whose message names the bucket and key, which the engine turns into
 * {@code States.ItemReaderFailed} or {@code States.ResultWriterFailed}.
 *
 * <pre>{@code
 * Engine engine = new Engine(tasks, clock).withObjects(new InMemoryObjectStore());
 * }</pre>
 */
public interface ObjectStore {
    /** Opens an object for streaming (GetObject); the caller closes the stream. */
    InputStream open(String bucket, String key);

    /** One page of a ListObjectsV2 listing in key order; {@code continuationToken} is {@code null} for the first. */
    Page list(String bucket, String prefix, String continuationToken);

    /** Stores the file's bytes under {@code key} (PutObject), replacing any object there. */
    void put(String bucket, String key, Path file);

    /** The store an engine has until one is given: every call fails, naming what is missing. */
    static ObjectStore none() {
        return new ObjectStore() {
            public InputStream open(String bucket, String key) {
                throw missing();
            }

            public Page list(String bucket, String prefix, String continuationToken) {
                throw missing();
            }

            public void put(String bucket, String key, Path file) {
                throw missing();
            }

            private ObjectStoreException missing() {
                return new ObjectStoreException("No object store is configured for this engine (Engine.withObjects)");
            }
        };
    }

    /** A ListObjectsV2 entry, as a Distributed Map item reports it. */
    record Summary(String key, String eTag, Instant lastModified, long size, String storageClass) {}

    /** @param nextContinuationToken {@code null} on the last page */
    record Page(List<Summary> objects, String nextContinuationToken) {
        public Page {
            objects = List.copyOf(objects);
        }
    }
}
