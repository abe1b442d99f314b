package dev.reelforge.aws.s3;

import dev.reelforge.core.file.AtomicFile;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The {@link ClipStore} on S3, used in AWS and, unchanged, against the local S3 server. A missing object becomes
 * {@link Optional#empty()}, {@code false} or {@link NoSuchElementException}; other SDK errors propagate. Uploads
 * carry SHA-256 checksums (verified by S3 on write and by the SDK on download). Thread-safe.
 *
 * <pre>{@code
 * ClipStore clips = new S3ClipStore(clients.s3(), "reelforge-clips");              // locate: s3://...
 * ClipStore local = S3ClipStore.filesystemBacked(s3, "reelforge-clips", dataDir); // locate: a file path
 * }</pre>
 */
public final class S3ClipStore implements ClipStore {
    private final S3Client s3;
    private final String bucket;
    private final Path localRoot;

    public S3ClipStore(S3Client s3, String bucket) {
        this(s3, bucket, null);
    }

    private S3ClipStore(S3Client s3, String bucket, Path localRoot) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.localRoot = localRoot;
    }

    /**
     * A store on a local server that keeps each object as the plain file {@code <root>/<bucket>/<key>};
     * {@link #locate} then returns that file's absolute path so a user can open the clip.
     */
    public static S3ClipStore filesystemBacked(S3Client s3, String bucket, Path root) {
        return new S3ClipStore(s3, bucket, root.toAbsolutePath().normalize());
    }

    /** Stores the file with a SHA-256 checksum S3 verifies; files over 8 MiB go as a multipart upload. */
    @Override
    public void putFile(String key, Path file, String contentType) {
        try {
            if (Files.size(file) > MultipartUpload.THRESHOLD_BYTES) {
                MultipartUpload.upload(s3, bucket, key, file, contentType);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromFile(file));
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(content));
    }

    /**
     * A URL that lets its holder GET one object of {@code tenant} for {@code validity}, without AWS credentials;
     * path-style when the client has an endpoint override (local servers have no per-bucket DNS), as in AwsClients.
     *
     * @throws IllegalArgumentException when {@code key} is not under {@code <area>/<tenant>/} (the layout of
     *     {@code StorageKeys}), so one tenant's link can never name another tenant's object
     */
    @Override
    public Optional<String> shareableUrl(String tenant, String key, Duration validity) {
        return Optional.of(presignGet(tenant, key, validity).toString());
    }

    public URL presignGet(String tenant, String key, Duration validity) {
        requireTenantKey(tenant, key);
        var client = s3.serviceClientConfiguration();
        var builder = S3Presigner.builder().region(client.region()).credentialsProvider(client.credentialsProvider());
        client.endpointOverride()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build()));
        try (S3Presigner presigner = builder.build()) {
            return presigner
                    .presignGetObject(p -> p.signatureDuration(validity)
                            .getObjectRequest(g -> g.bucket(bucket).key(key)))
                    .url();
        }
    }

    private static void requireTenantKey(String tenant, String key) {
        String[] segments = key == null ? new String[0] : key.split("/", -1);
        boolean underTenant = segments.length >= 3
                && segments[1].equals(StorageKeys.safe(tenant))
                && Arrays.stream(segments).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (!underTenant) {
            throw new IllegalArgumentException("key '" + key + "' is not under <area>/" + tenant + "/");
        }
    }

    @Override
    public void download(String key, Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            AtomicFile.write(absolute, partial -> {
                try (ResponseInputStream<GetObjectResponse> in =
                        s3.getObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED))) {
                    return Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        } catch (NoSuchKeyException e) {
            throw missing(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not download " + locate(key) + " to " + absolute, e);
        }
    }

    @Override
    public Optional<byte[]> getBytes(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String locate(String key) {
        if (localRoot != null) {
            return localRoot.resolve(bucket).resolve(key).toString();
        }
        return "s3://" + bucket + "/" + key;
    }

    private NoSuchElementException missing(String key) {
        return new NoSuchElementException(
                "No object " + key + " in bucket " + bucket + "; was the step that writes it run first?");
    }
}
