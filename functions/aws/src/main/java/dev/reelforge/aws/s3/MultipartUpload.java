package dev.reelforge.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads a large file in fixed-size parts with the sync client (TransferManager would need the CRT or async
 * client), each part carrying a SHA-256 checksum that S3 verifies; an upload that fails is aborted so no orphaned
 * parts keep costing storage.
 */
final class MultipartUpload {
    /** Files above this size go in parts; S3's minimum part size is 5 MiB, so every part but the last is 8 MiB. */
    static final long THRESHOLD_BYTES = 8L * 1024 * 1024;

    private static final int PART_BYTES = 8 * 1024 * 1024;

    private MultipartUpload() {}

    static void upload(S3Client s3, String bucket, String key, Path file, String contentType) {
        String uploadId = s3.createMultipartUpload(b ->
                        b.bucket(bucket).key(key).contentType(contentType).checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .uploadId();
        try {
            List<CompletedPart> parts = uploadParts(s3, bucket, key, uploadId, file);
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }

    private static List<CompletedPart> uploadParts(S3Client s3, String bucket, String key, String uploadId, Path file) {
        List<CompletedPart> parts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = in.readNBytes(PART_BYTES);
            while (chunk.length > 0) {
                int partNumber = parts.size() + 1;
                byte[] body = chunk;
                UploadPartResponse uploaded = s3.uploadPart(
                        b -> b.bucket(bucket)
                                .key(key)
                                .uploadId(uploadId)
                                .partNumber(partNumber)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256),
                        RequestBody.fromBytes(body));
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(uploaded.eTag())
                        .checksumSHA256(uploaded.checksumSHA256())
                        .build());
                chunk = in.readNBytes(PART_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " for s3://" + bucket + "/" + key, e);
        }
        return parts;
    }
}
