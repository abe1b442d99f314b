package dev.reelforge.core.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The signed sidecar written next to every job's outputs: which original (by SHA-256) became which outputs (by
 * SHA-256), made by which provider and model from which prompt (by hash), through which exact FFmpeg filter graph,
 * and when. It is a Reelforge provenance record, not a C2PA manifest: nothing is embedded in the media files.
 * {@link ProvenanceSeal} signs and verifies it.
 *
 * @param format always {@link #FORMAT}
 * @param startedAt ISO-8601 instant the media task started
 * @param signature null until sealed
 * @param versionOf on an edit's record, the version it was made from; null otherwise
 */
public record ProvenanceRecord(
        String format,
        String jobId,
        String tenant,
        String provider,
        String model,
        String providerJobId,
        String promptSha256,
        List<FileDigest> originals,
        List<FileDigest> outputs,
        String encoder,
        String decoder,
        String filterGraph,
        String startedAt,
        String finishedAt,
        Signature signature,
        @JsonInclude(JsonInclude.Include.NON_NULL) PreviousVersion versionOf) {

    public static final String FORMAT = "reelforge-provenance/1";

    public ProvenanceRecord {
        originals = List.copyOf(originals);
        outputs = List.copyOf(outputs);
    }

    /** A record of a job that is no edit of another. */
    public ProvenanceRecord(
            String format,
            String jobId,
            String tenant,
            String provider,
            String model,
            String providerJobId,
            String promptSha256,
            List<FileDigest> originals,
            List<FileDigest> outputs,
            String encoder,
            String decoder,
            String filterGraph,
            String startedAt,
            String finishedAt,
            Signature signature) {
        this(
                format,
                jobId,
                tenant,
                provider,
                model,
                providerJobId,
                promptSha256,
                originals,
                outputs,
                encoder,
                decoder,
                filterGraph,
                startedAt,
                finishedAt,
                signature,
                null);
    }

    public ProvenanceRecord withSignature(Signature sealed) {
        return new ProvenanceRecord(
                format,
                jobId,
                tenant,
                provider,
                model,
                providerJobId,
                promptSha256,
                originals,
                outputs,
                encoder,
                decoder,
                filterGraph,
                startedAt,
                finishedAt,
                sealed,
                versionOf);
    }

    /**
     * The job this one is an edit of (issue 19): its id, the edit, the SHA-256 of the clip the edit started from,
     * and the previous version's own provenance record by key and SHA-256, so a chain of versions can be followed
     * back and checked. Absent (and outside the signed bytes) on a job that is no edit.
     */
    public record PreviousVersion(
            String jobId, String edit, String sourceSha256, String provenanceKey, String provenanceSha256) {}

    /** One file by name (rendition, or the original's role), clip-store key and SHA-256 (lower-case hex). */
    public record FileDigest(String name, String key, String sha256) {}

    /**
     * @param algorithm always {@code SHA256withECDSA}
     * @param publicKey base64 X.509 SubjectPublicKeyInfo of the P-256 key
     * @param value base64 DER ECDSA signature over the canonical record without this field
     */
    public record Signature(String algorithm, String keyId, String publicKey, String value) {}
}
