package dev.reelforge.local.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link ObjectStore} in memory, for tests and for runs without a local S3. Thread-safe. Buckets exist once
 * {@link #createBucket} names them; a missing bucket or key fails as S3 does (NoSuchBucket, NoSuchKey).
 */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, NavigableMap<String, Stored>> buckets = new ConcurrentSkipListMap<>();
    private final int pageSize;

    private record Stored(byte[] bytes, Instant lastModified) {}

    public InMemoryObjectStore() {
        this(1000);
    }

    /** @param pageSize keys per ListObjectsV2 page (S3 returns at most 1,000) */
    public InMemoryObjectStore(int pageSize) {
        this.pageSize = pageSize;
    }

    public InMemoryObjectStore createBucket(String bucket) {
        buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
        return this;
    }

    public InMemoryObjectStore put(String bucket, String key, byte[] bytes) {
        bucket(bucket).put(key, new Stored(bytes.clone(), Instant.EPOCH));
        return this;
    }

    public InMemoryObjectStore put(String bucket, String key, String text) {
        return put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The object's bytes, if it exists. */
    public Optional<byte[]> bytes(String bucket, String key) {
        NavigableMap<String, Stored> objects = buckets.get(bucket);
        Stored stored = objects == null ? null : objects.get(key);
        return Optional.ofNullable(stored).map(s -> s.bytes().clone());
    }

    /** Keys under {@code prefix}, in order. */
    public List<String> keys(String bucket, String prefix) {
        return bucket(bucket).tailMap(prefix, true).keySet().stream()
                .takeWhile(k -> k.startsWith(prefix))
                .toList();
    }

    @Override
    public InputStream open(String bucket, String key) {
        Stored stored = bucket(bucket).get(key);
        if (stored == null) {
            throw new ObjectStoreException("NoSuchKey: s3://" + bucket + "/" + key + " does not exist");
        }
        return new ByteArrayInputStream(stored.bytes());
    }

    @Override
    public Page list(String bucket, String prefix, String continuationToken) {
        String start = prefix == null ? "" : prefix;
        NavigableMap<String, Stored> tail = continuationToken == null
                ? bucket(bucket).tailMap(start, true)
                : bucket(bucket).tailMap(continuationToken, false);
        List<Summary> page = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, Stored> entry : tail.entrySet()) {
            if (!entry.getKey().startsWith(start)) {
                break;
            }
            if (page.size() == pageSize) {
                return new Page(page, last);
            }
            byte[] bytes = entry.getValue().bytes();
            page.add(new Summary(
                    entry.getKey(),
                    "\"" + md5(bytes) + "\"",
                    entry.getValue().lastModified(),
                    bytes.length,
                    "STANDARD"));
            last = entry.getKey();
        }
        return new Page(page, null);
    }

    @Override
    public void put(String bucket, String key, Path file) {
        try {
            put(bucket, key, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NavigableMap<String, Stored> bucket(String bucket) {
        NavigableMap<String, Stored> objects = buckets.get(bucket);
        if (objects == null) {
            throw new ObjectStoreException("NoSuchBucket: the bucket '" + bucket + "' does not exist");
        }
        return objects;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
