package dev.reelforge.providers.internal;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.reference.ImageHeader;
import dev.reelforge.core.reference.ReferenceKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The fitted reference image Submit left on local disk for a {@link GenerationSpec}, read once per create call
 * and shaped as each protocol wants it: raw bytes (multipart), base64 (Vertex's {@code bytesBase64Encoded}) or a
 * {@code data:} URI (fal's file inputs). Its type comes from its bytes, as Validate checked them.
 */
public record ReferenceImageFile(String fileName, byte[] bytes, String mediaType) {

    public static ReferenceImageFile of(GenerationSpec spec) {
        return read(spec.referenceImage(), ReferenceKeys.FIELD);
    }

    /** Another image of the spec ({@link GenerationSpec#guides()}), whose refusals name {@code field}. */
    public static ReferenceImageFile read(String path, String field) {
        Path file = Path.of(path);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new ReferenceImageFile(
                    file.getFileName().toString(),
                    bytes,
                    ImageHeader.read(bytes, field).format().mediaType());
        } catch (IOException e) {
            throw InvalidRequestException.of(
                    field, "cannot read the image " + file.getFileName() + ": " + e.getMessage());
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String dataUri() {
        return "data:" + mediaType + ";base64," + base64();
    }
}
