package dev.reelforge.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.providers.internal.ReferenceImageFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the Videos API: JSON create, multipart create with {@code input_reference}, remix. */
final class OpenAiVideoRequests {
    private final ObjectMapper json;

    OpenAiVideoRequests(ObjectMapper json) {
        this.json = json;
    }

    record Multipart(String contentType, byte[] bytes) {}

    byte[] jsonCreate(GenerationSpec spec) {
        ObjectNode body = json.createObjectNode();
        fields(spec).forEach(body::put);
        return write(body);
    }

    byte[] remix(GenerationSpec spec) {
        String prompt = spec.editInstruction().isEmpty() ? spec.prompt() : spec.editInstruction();
        return write(json.createObjectNode().put("prompt", prompt));
    }

    Multipart multipartCreate(GenerationSpec spec) {
        ReferenceImageFile image = ReferenceImageFile.of(spec);
        String boundary =
                "reelforge-" + UUID.nameUUIDFromBytes(spec.referenceImage().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields(spec).entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\""
                        + image.fileName().replace("\"", "") + "\"\r\nContent-Type: " + image.mediaType()
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(image.bytes());
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** model, prompt, seconds ("8") and size ("1280x720") as the API names them. */
    private static Map<String, String> fields(GenerationSpec spec) {
        var frame = spec.settings().frameSize();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", spec.model());
        fields.put("prompt", spec.prompt());
        fields.put("seconds", Long.toString(Math.round(spec.settings().durationSeconds())));
        fields.put("size", frame.width() + "x" + frame.height());
        return fields;
    }

    private byte[] write(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object always serialises", e);
        }
    }
}
