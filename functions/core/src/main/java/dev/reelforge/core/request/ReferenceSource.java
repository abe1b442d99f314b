package dev.reelforge.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Where a request's reference image comes from: an object the tenant uploaded ({@code "referenceImage":
 * "references/acme/kettle.png"}), or a prompt an image generator turns into the still first ({@code
 * "referenceImage": {"generate": "a red enamel kettle on a gas stove"}}), the text-to-image half of T2I2V. The
 * JSON is the request's own spelling both ways, so the request the workflow carries reads as it was sent.
 *
 * @param key the object key, or empty
 * @param generate the image prompt, or empty; never both
 */
public record ReferenceSource(String key, String generate) {
    /** A request without a reference image. */
    public static final ReferenceSource NONE = new ReferenceSource("", "");

    public ReferenceSource {
        key = key == null ? "" : key;
        generate = generate == null ? "" : generate;
        if (!key.isEmpty() && !generate.isEmpty()) {
            throw new IllegalArgumentException("a reference image is either a key or a prompt to generate, not both");
        }
    }

    public static ReferenceSource ofKey(String key) {
        return new ReferenceSource(key, "");
    }

    public static ReferenceSource generated(String prompt) {
        return new ReferenceSource("", prompt);
    }

    /** Reads the request's field: a string is a key, {@code {"generate": …}} a prompt; absent or null is none. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReferenceSource fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (node.isObject()) {
            return generated(node.path("generate").asText(""));
        }
        return ofKey(node.asText(""));
    }

    @JsonValue
    Object wire() {
        return generate.isEmpty() ? key : Map.of("generate", generate);
    }

    public boolean isEmpty() {
        return key.isEmpty() && generate.isEmpty();
    }

    /** Whether the image is to be generated from {@link #generate}. */
    public boolean generates() {
        return !generate.isEmpty();
    }
}
