package dev.reelforge.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.error.InvalidRequestException;
import java.util.Objects;

/**
 * The fields of an EventBridge "Object Created" event from S3 that identify one upload. S3 delivers at least once;
 * {@code bucket/key/etag/sequencer} is the same for every copy of one upload and different for a re-upload.
 */
public record ObjectCreated(String bucket, String key, String etag, String sequencer) {
    public static final String DETAIL_TYPE = "Object Created";

    public ObjectCreated {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        etag = etag == null ? "" : etag;
        sequencer = sequencer == null ? "" : sequencer;
    }

    /** Reads an EventBridge event ({@code source: aws.s3, detail-type: Object Created}). */
    public static ObjectCreated fromEvent(JsonNode event) {
        if (!"aws.s3".equals(event.path("source").asText())
                || !DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            throw InvalidRequestException.of(
                    "detail-type",
                    "expected an aws.s3 'Object Created' event, got "
                            + event.path("source").asText() + " / "
                            + event.path("detail-type").asText());
        }
        JsonNode detail = event.path("detail");
        String bucket = detail.path("bucket").path("name").asText("");
        String key = detail.path("object").path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw InvalidRequestException.of("detail.object.key", "the event names no bucket or key");
        }
        return new ObjectCreated(
                bucket,
                key,
                detail.path("object").path("etag").asText(""),
                detail.path("object").path("sequencer").asText(""));
    }
}
