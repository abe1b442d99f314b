package dev.reelforge.local.serve;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.stack.LocalAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stands in for S3 → EventBridge locally: S3Proxy sends no notifications, so after an object appears under
 * {@code requests/} this builds the "Object Created" event AWS would deliver (same fields; the sequencer is derived
 * from the object's last-modified time) and invokes the Ingest handler with it. {@link #deliver} sends the event for
 * one key (tests call it, twice to model a duplicate delivery); {@link #scan} finds keys whose ETag it has not
 * delivered yet, which {@code reelforge serve} runs every second. Thread-safe.
 */
public final class UploadRelay {
    public static final String PREFIX = "requests/";
    private final S3Client s3;
    private final String bucket;
    private final RequestStreamHandler ingest;
    private final ObjectMapper json;
    private final Map<String, String> delivered = new HashMap<>();

    public UploadRelay(S3Client s3, String bucket, RequestStreamHandler ingest, ObjectMapper json) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ingest = ingest;
        this.json = json;
    }

    /** Delivers the Object Created event for {@code key} to Ingest and returns Ingest's answer. */
    public JsonNode deliver(String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
        synchronized (delivered) {
            delivered.put(key, etag);
        }
        return invoke(objectCreated(bucket, key, etag, head.contentLength(), head.lastModified()));
    }

    /** Delivers an event for every object under {@code requests/} not yet delivered with its current ETag. */
    public List<JsonNode> scan() {
        List<JsonNode> answers = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents()) {
            String etag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
            boolean fresh;
            synchronized (delivered) {
                fresh = !etag.equals(delivered.get(object.key()));
            }
            if (fresh) {
                answers.add(deliver(object.key()));
            }
        }
        return answers;
    }

    /** The EventBridge event S3 sends for a PutObject, as documented for "Object Created". */
    public ObjectNode objectCreated(String bucketName, String key, String etag, long size, Instant lastModified) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put(
                "id",
                UUID.nameUUIDFromBytes((bucketName + "/" + key + "/" + etag).getBytes(StandardCharsets.UTF_8))
                        .toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", LocalAccount.ID);
        event.put("time", lastModified.toString());
        event.put("region", LocalAccount.REGION);
        event.putArray("resources").add("arn:aws:s3:::" + bucketName);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucketName);
        detail.putObject("object")
                .put("key", key)
                .put("size", size)
                .put("etag", etag)
                .put("sequencer", String.format(Locale.ROOT, "%016X", lastModified.toEpochMilli()));
        detail.put("request-id", "local");
        detail.put("requester", LocalAccount.ID);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", "PutObject");
        return event;
    }

    /** Invokes Ingest as Lambda would; a failure comes back as Lambda's error document. */
    public JsonNode invoke(JsonNode event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ingest.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, null);
            return json.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return json.createObjectNode()
                    .put("errorType", e.getClass().getName())
                    .put("errorMessage", e.getMessage());
        }
    }
}
