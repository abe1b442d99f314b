package dev.reelforge.local.stack;

import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.ObjectStoreException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The engine's {@link ObjectStore} on S3 through the AWS SDK: the local S3 (S3Proxy) under {@code reelforge serve},
 * so a Distributed Map reads its ItemReader objects and writes its ResultWriter files where the rest of the stack
 * keeps them. SDK errors become {@link ObjectStoreException}s naming the S3 error code, bucket and key. Thread-safe
 * as the SDK client is.
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String bucket, String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failed("read", bucket, key, e);
        }
    }

    @Override
    public Page list(String bucket, String prefix, String continuationToken) {
        ListObjectsV2Response page;
        try {
            page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(continuationToken));
        } catch (SdkException e) {
            throw failed("list", bucket, prefix, e);
        }
        List<Summary> objects = page.contents().stream()
                .map(o -> new Summary(o.key(), o.eTag(), o.lastModified(), o.size(), o.storageClassAsString()))
                .toList();
        return new Page(objects, Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
    }

    @Override
    public void put(String bucket, String key, Path file) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failed("write", bucket, key, e);
        }
    }

    private static ObjectStoreException failed(String verb, String bucket, String key, SdkException e) {
        String code = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? s3e.awsErrorDetails().errorCode() + ": "
                : "";
        return new ObjectStoreException(
                code + "could not " + verb + " s3://" + bucket + "/" + key + " ("
                        + e.getClass().getSimpleName() + ")",
                e);
    }
}
